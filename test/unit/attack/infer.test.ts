import { strict as assert } from 'node:assert';
import { AttackIndex } from '../../../src/engine/attack/lookup';
import { analyzeTechniques, computePhases, inferTechniques } from '../../../src/engine/attack/infer';
import { BEHAVIOUR_PHRASES } from '../../../src/engine/attack/phrases';
import { beforeRealIndex, realIndex } from './helpers';

const THREAT = 'The threat actor deployed malware with a malicious payload to victims in this campaign. ';
const NEUTRAL = 'Figure 2 shows the timeline of the report. ';
const ids = (text: string, idx: AttackIndex, min: 'low' | 'medium' = 'low') => inferTechniques(text, idx, { minConfidence: min }).map((t) => t.id);

describe('attack: technique inference', () => {
  let idx: AttackIndex;
  beforeRealIndex((i) => (idx = i));

  it('finds printed IDs, including glued table cells, with the official name and high confidence', () => {
    const hits = inferTechniques('Initial AccessT1566.001Phishing: Spearphishing Attachment\nExecution [T1059.003]', idx);
    const byId = new Map(hits.map((h) => [h.id, h]));
    assert.equal(byId.get('T1566.001')?.name, 'Phishing: Spearphishing Attachment');
    assert.equal(byId.get('T1566.001')?.method, 'explicit-id');
    assert.equal(byId.get('T1059.003')?.confidence, 'high');
    assert.deepEqual(byId.get('T1059.003')?.tactics, ['Execution']);
  });

  it('maps a revoked ID to its replacement and records what the article printed', () => {
    const a = analyzeTechniques('The loader runs PowerShell (T1086).', idx);
    const h = a.techniques.find((t) => t.id === 'T1059.001')!;
    assert.equal(h.replaces, 'T1086');
    assert.deepEqual(a.retired, [{ id: 'T1086', status: 'revoked', replacedBy: ['T1059.001'] }]);
  });

  it('reports IDs of a newer ATT&CK release as unknown instead of guessing', () => {
    const a = analyzeTechniques('The actor used T1685.001 to disable tools.', idx);
    assert.deepEqual(a.unknown, ['T1685.001']);
    assert.equal(a.techniques.length, 0);
  });

  it('does not read IDs or phrases inside URLs or code identifiers', () => {
    const text = THREAT + 'See https://phishing-emails.example.com/T1566/spearphishing-attachment and the phishing_emails_count variable.';
    assert.deepEqual(ids(text, idx), []);
  });

  it('honours negation', () => {
    assert.ok(ids(THREAT + 'The malware packs a keylogger and takes screenshots.', idx).includes('T1113'));
    assert.ok(!ids(THREAT + 'The malware does not take screenshots.', idx).includes('T1113'));
    assert.ok(!ids(THREAT + 'There is no evidence of process injection.', idx).includes('T1055'));
    assert.ok(!ids(THREAT + 'Process injection was not observed in this intrusion.', idx).includes('T1055'));
  });

  it('drops pure speculation at the default confidence', () => {
    const text = THREAT + 'We suspect that the documents were distributed as attachments to phishing emails.';
    assert.ok(!ids(text, idx, 'medium').includes('T1566.001'));
  });

  it('keeps benign writing quiet: tutorials and release notes yield nothing', () => {
    const tutorial = 'To bisect the compiler, run the script and open a terminal. The scheduled task runs nightly. ' +
      'Install the package with pip, then use Python to parse the laptop inventory. Apt install curl.';
    assert.deepEqual(ids(tutorial, idx), []);
  });

  it('matches official names with word boundaries and skips generic ones', () => {
    assert.ok(ids(THREAT + 'The operators relied on Process Hollowing and DLL side-loading.', idx, 'medium').includes('T1055.012'));
    assert.ok(!ids(THREAT + 'The actors used Web Services and Valid Accounts.', idx).includes('T1102'));
  });

  it('every phrase-table example yields its technique and every counter-example does not', () => {
    const failures: string[] = [];
    for (const p of BEHAVIOUR_PHRASES) {
      for (const ex of p.examples) if (!ids(THREAT + ex, idx).includes(p.id)) failures.push(`${p.id} should match: "${ex}"`);
      // Counter-examples sit in a threat article but away from its threat sentences: ordinary usage must stay quiet.
      for (const ex of p.counter ?? []) if (ids(THREAT + NEUTRAL + ex, idx).includes(p.id)) failures.push(`${p.id} must not match: "${ex}"`);
    }
    assert.deepEqual(failures, []);
  });

  it('computes kill-chain phases from tactics and narrative, with evidence', () => {
    const text = THREAT + 'Victims received a phishing email with a malicious attachment. The implant beacons to its C2 server over HTTPS. ' +
      'The dropper creates a scheduled task for persistence. The actors exfiltrated the stolen data over the C2 channel.';
    const techniques = inferTechniques(text, idx, { minConfidence: 'low' });
    const phases = computePhases(techniques, text, idx);
    const names = phases.map((p) => p.phase);
    for (const p of ['delivery', 'install', 'c2', 'actions']) assert.ok(names.includes(p as never), p);
    assert.ok(phases.every((p) => p.evidence.length > 0));
    assert.ok(phases.find((p) => p.phase === 'delivery')!.techniques.includes('T1566.001'));
    assert.ok(!phases.find((p) => p.phase === 'install')!.techniques.includes('T1566.001'));
  });
});

describe('attack: names in defender advice', () => {
  it('does not infer a technique from a mitigation or detection sentence that names it', function () {
    const index = realIndex();
    if (!index) return this.skip();
    const advice = 'The ransomware operators encrypted servers and stole data from victims. Monitor for Kerberoasting and DCSync attempts. Organizations should restrict PowerShell for users.';
    const ids = inferTechniques(advice, index, { minConfidence: 'low' }).map((t) => t.id);
    assert.ok(!ids.includes('T1558.003'), ids.join(','));
    assert.ok(!ids.includes('T1003.006'), ids.join(','));
    const attack = inferTechniques('The ransomware operators used Kerberoasting to obtain service account hashes from the victim domain.', index, { minConfidence: 'low' }).map((t) => t.id);
    assert.ok(attack.includes('T1558.003'), attack.join(','));
  });
});
