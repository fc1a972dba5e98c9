import { strict as assert } from 'node:assert';
import { AttackIndex } from '../../../src/engine/attack/lookup';
import { analyzeTechniques } from '../../../src/engine/attack/infer';
import { ADVICE, BEHAVIOUR_PHRASES } from '../../../src/engine/attack/phrases';
import { beforeRealIndex } from './helpers';

const THREAT = 'The threat actor deployed malware with a malicious payload to victims in this campaign. ';

describe('attack: behaviour-phrase table', () => {
  let idx: AttackIndex;
  beforeRealIndex((i) => (idx = i));

  it('uses only current technique IDs (not revoked, deprecated or unknown)', () => {
    const bad = BEHAVIOUR_PHRASES.filter((p) => !idx.technique(p.id) || idx.retired(p.id)).map((p) => p.id);
    assert.deepEqual(bad, []);
  });

  it('has one entry per technique and tier', () => {
    const seen = new Set<string>();
    const dup: string[] = [];
    for (const p of BEHAVIOUR_PHRASES) {
      const k = `${p.id}/${p.tier}`;
      if (seen.has(k)) dup.push(k);
      seen.add(k);
    }
    assert.deepEqual(dup, []);
  });

  it('every entry has an example, and its patterns compile with word boundaries', () => {
    for (const p of BEHAVIOUR_PHRASES) {
      assert.ok(p.examples.length > 0, p.id);
      assert.doesNotThrow(() => new RegExp(`(?<![\\w])(?:${p.re.source})(?![\\w])`, 'gi'), p.id);
    }
  });

  it('entries stay quiet when their example is turned into defender advice', () => {
    const failures: string[] = [];
    for (const p of BEHAVIOUR_PHRASES) {
      assert.ok(p.unless?.source.includes(ADVICE.source), p.id);
      for (const ex of p.examples) {
        const advice = `We recommend that defenders monitor for this: ${ex.charAt(0).toLowerCase()}${ex.slice(1)}`;
        const hit = analyzeTechniques(THREAT + advice, idx, { minConfidence: 'low' }).techniques.find((t) => t.id === p.id);
        // An official technique name in the sentence may still match (method 'name'); the phrase itself must not.
        if (hit && hit.method === 'phrase') failures.push(`${p.id}: "${advice}"`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('ADVICE recognises defender sentences but not attacker narrative', () => {
    for (const s of ['Monitor for new WMI event subscriptions.', '• Disable LLMNR on all hosts.', 'Organizations should rotate the krbtgt password.',
      'Conduct regular vulnerability scanning.', 'We recommend blocking Discord webhooks.']) assert.ok(ADVICE.test(s), s);
    for (const s of ['The malware disables LLMNR.', 'The operators monitored the victim mailbox.', 'Attackers conducted Kerberoasting.',
      'Disables Windows Defender real-time protection.']) assert.ok(!ADVICE.test(s), s);
  });
});
