// Technique evidence is narrative: heading-like lines (section titles, labels, captions) are never quoted as evidence.
import { strict as assert } from 'node:assert';
import { AttackIndex } from '../../../src/engine/attack/lookup';
import { computePhases, inferTechniques } from '../../../src/engine/attack/infer';
import { isHeadingLike, isHeadingSentence } from '../../../src/engine/text/headings';
import { splitSentences } from '../../../src/engine/text/sentences';
import { beforeRealIndex } from './helpers';

const THREAT = 'The threat actor deployed malware with a malicious payload to victims in this campaign.\n\n';

describe('text: heading-like lines', () => {
  it('recognises titles, labels and captions', () => {
    for (const h of ['Scheduled Task/Job', 'Command and control', 'Lateral Movement:', 'Windows Management Instrumentation (WMI).',
      '## Persistence', '3.2 Initial access', 'Figure 7: The loader configuration', 'Table 2. Observed tools', 'Indicators of Compromise'])
      {assert.ok(isHeadingLike(h), h);}
  });

  it('keeps statements and list items with a verb as narrative', () => {
    for (const s of ['The loader creates a scheduled task.', 'Reboots the machine.', '- Takes screenshots every minute',
      'Figure 4 shows the loader writing its configuration to disk.', 'It is packed with UPX.',
      'The implant then beacons to its command-and-control server every five minutes over plain HTTP.'])
      {assert.ok(!isHeadingLike(s), s);}
  });

  it('judges a sentence with its line: run-in headings and caption lines, not sentences inside paragraphs', () => {
    const text = 'Valid Accounts. The intruders reused a contractor password.\nFigures 2 to 4. Mail lures seen in the wild\nWe saw Process Injection. It was brief.';
    const s = splitSentences(text);
    assert.deepEqual(s.map((x) => isHeadingSentence(text, x)), [true, false, true, true, false, false]);
  });
});

describe('attack: evidence is never a heading', () => {
  let idx: AttackIndex;
  beforeRealIndex((i) => (idx = i));

  it('quotes the narrative sentence under a heading instead of the heading', () => {
    const text = THREAT + 'Remote Desktop Protocol (RDP).\n\nThe operators then moved between servers over RDP with a stolen domain admin account.\n';
    const hit = inferTechniques(text, idx, { minConfidence: 'low' }).find((t) => t.id === 'T1021.001');
    assert.ok(hit);
    assert.ok(hit.evidence.every((e) => !isHeadingLike(e)), hit.evidence.join(' | '));
    assert.match(hit.evidence[0], /^The operators then moved/);
  });

  it('drops a weak phrase whose only mention is a heading, and keeps it when a sentence states it', () => {
    const heading = THREAT + 'Screenshots\n\nThe report covers several months of activity.\n';
    assert.ok(!inferTechniques(heading, idx, { minConfidence: 'low' }).some((t) => t.id === 'T1113'));
    const stated = THREAT + 'Screenshots\n\nThe RAT takes screenshots of the desktop every minute.\n';
    const hit = inferTechniques(stated, idx).find((t) => t.id === 'T1113');
    assert.deepEqual(hit?.evidence, ['The RAT takes screenshots of the desktop every minute.']);
  });

  it('kill-chain narrative evidence skips headings too', () => {
    const text = THREAT + 'Command and control via malware beacons\n\nThe implant beacons to its C2 server over HTTPS.\n';
    const techniques = inferTechniques(text, idx, { minConfidence: 'low' });
    const phases = computePhases(techniques, text, idx);
    for (const p of phases) for (const e of p.evidence) assert.ok(!e.startsWith('Command and control via'), `${p.phase}: ${e}`);
  });
});
