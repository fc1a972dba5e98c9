import { strict as assert } from 'node:assert';
import { Ioc, TechniqueHit } from '../../../src/engine/model';
import { rateSeverity, statedCvss } from '../../../src/engine/briefing/severity';

const ioc = (type: Ioc['type'], value: string): Ioc => ({ type, value, display: value, offsets: [[0, 1]], context: '', provenance: 'ioc-section', reason: 'r', confidence: 'high' });
const tech = (id: string): TechniqueHit => ({ id, name: id, tactics: [], confidence: 'high', evidence: [], method: 'explicit-id' });
const base = { iocs: [] as Ioc[], techniques: [] as TechniqueHit[], phases: [], actors: [] as string[], malware: [] as string[] };

describe('severity', () => {
  it('rates a benign tutorial LOW and says why', () => {
    const r = rateSeverity({ ...base, text: 'In this tutorial we bisect the compiler on a laptop. See the source code for details.' });
    assert.equal(r.severity, 'LOW');
    assert.equal(r.factors[0].id, 'no-threat-factors');
  });

  it('does not match substrings: "rce" in "source", "apt" in "laptop", "wiper" in "swiper"', () => {
    const r = rateSeverity({ ...base, text: 'The source of the laptop swiper library was updated; a zero-daylight bug in the docs.' });
    assert.equal(r.severity, 'LOW');
    const negated = rateSeverity({ ...base, text: 'The flaw is not being actively exploited, and there is no evidence of ransomware.' });
    assert.deepEqual(negated.factors.map((f) => f.id), ['no-threat-factors']);
    const kevAdvice = rateSeverity({ ...base, text: 'Prioritize remediating known exploited vulnerabilities.' });
    assert.ok(!kevAdvice.factors.some((f) => f.id === 'exploited-in-the-wild'));
    const kev = rateSeverity({ ...base, text: 'CISA added CVE-2025-0001 to its Known Exploited Vulnerabilities catalog.' });
    assert.ok(kev.factors.some((f) => f.id === 'exploited-in-the-wild'));
    const advice = rateSeverity({ ...base, text: 'Patch now: the exploit is not known to be used in the wild yet.' });
    assert.ok(!advice.factors.some((f) => f.id === 'exploited-in-the-wild'));
  });

  it('reads a factor written with irregular white space, and in the title', () => {
    const spaced = rateSeverity({ ...base, text: 'Researchers confirm the bug is being\u00a0 actively \t exploited.\nA data\tbreach followed.' });
    assert.deepEqual(spaced.factors.map((f) => f.id).filter((id) => id !== 'no-threat-factors').sort(), ['data-breach', 'exploited-in-the-wild'].sort());
    const titled = rateSeverity({ ...base, title: 'Flaw actively exploited', text: 'Details follow below.' });
    assert.ok(titled.factors.some((f) => f.id === 'exploited-in-the-wild'));
  });

  it('rates exploitation in the wild with IOCs at least HIGH and lists each factor truthfully', () => {
    const r = rateSeverity({
      ...base,
      text: 'CVE-2025-0001 is being actively exploited in the wild. The attackers deployed a web shell.',
      iocs: [ioc('cve', 'CVE-2025-0001'), ioc('ipv4', '203.0.113.9'), ioc('sha256', 'a'.repeat(64))],
    });
    assert.ok(['HIGH', 'CRIT'].includes(r.severity));
    const ids = r.factors.map((f) => f.id);
    assert.deepEqual(ids, ['exploited-in-the-wild', 'iocs', 'malware-with-iocs', 'cves']);
    assert.match(r.factors[0].text, /actively exploited/);
  });

  it('counts ransomware impact, actors, many IOCs and techniques up to CRIT', () => {
    const r = rateSeverity({
      ...base,
      text: 'The ransomware operators encrypted file servers.',
      iocs: Array.from({ length: 12 }, (_, i) => ioc('sha256', String(i).repeat(64).slice(0, 64))),
      techniques: ['T1486', 'T1566.001', 'T1059.001', 'T1021.001', 'T1490', 'T1027', 'T1105', 'T1071.001'].map(tech),
      actors: ['Wizard Spider'],
    });
    assert.equal(r.severity, 'CRIT');
  });

  it('reads stated CVSS scores and advisory severity words', () => {
    assert.equal(statedCvss('CVSS score of 9.8 and CVSS: 7.5'), 9.8);
    assert.equal(statedCvss('CVSS v3.1 base score: 6.1'), 6.1);
    assert.equal(statedCvss('version 9.8 released'), undefined);
    assert.equal(statedCvss('severity CRITICAL (CVSS:3.1/AV:N/AC:L)'), undefined);
    const r = rateSeverity({ ...base, text: 'GHSA-xxxx | severity CRITICAL | A malicious package was published to npm.' });
    assert.deepEqual(r.factors.map((f) => f.id), ['critical-severity', 'malicious-code']);
    assert.equal(r.severity, 'HIGH');
  });
});

describe('severity: malware with IOCs', () => {
  it('counts described malware only when indicators are published, with word boundaries', () => {
    const text = 'The backdoor beacons to its server. Separately, the pirate ratio was high.';
    const withIocs = rateSeverity({ ...base, text, iocs: [ioc('domain', 'bad-c2.top')] });
    assert.ok(withIocs.factors.some((f) => f.id === 'malware-with-iocs'));
    const without = rateSeverity({ ...base, text });
    assert.ok(!without.factors.some((f) => f.id === 'malware-with-iocs'));
    const noMalware = rateSeverity({ ...base, text: 'The pirate ratio and the separate rate were high.', iocs: [ioc('domain', 'bad-c2.top')] });
    assert.ok(!noMalware.factors.some((f) => f.id === 'malware-with-iocs'));
  });
});

describe('severity: each factor quotes a sentence that states it', () => {
  const sev = (text: string, extra: Partial<Parameters<typeof rateSeverity>[0]> = {}) => rateSeverity({ ...base, text, ...extra });
  const ids = (text: string, extra = {}) => sev(text, extra).factors.map((f) => f.id);

  it('ransomware named in passing is not ransomware used here', () => {
    assert.ok(!ids('The framework can build all kinds of malware, including ransomware and stealers.').includes('destructive-impact'));
    assert.ok(!ids('Unlike the ransomware gangs of last year, this group only steals documents.').includes('destructive-impact'));
    assert.ok(ids('The affiliates deployed the ransomware across every file server on Sunday.').includes('destructive-impact'));
    assert.ok(ids('Files on the shared drives were encrypted and a ransom note was left in each folder.').includes('destructive-impact'));
  });

  it('malicious code in a process is not a poisoned package', () => {
    assert.ok(!ids('The loader injects malicious code into the LSASS process.').includes('malicious-code'));
    assert.ok(!ids('The dropper hides inside non-malicious code copied from open-source apps.').includes('malicious-code'));
    assert.ok(ids('Version 2.4.1 of the npm package shipped malicious code that ran at install time.').includes('malicious-code'));
  });

  it('uses one quote for one factor', () => {
    const r = sev('The attackers deployed the ransomware and published stolen data from the breach; customers were exposed.', { iocs: [ioc('ipv4', '203.0.113.5')] });
    const quoted = r.factors.map((f) => /“(.*)”/.exec(f.text)?.[1]).filter(Boolean);
    assert.equal(new Set(quoted).size, quoted.length, JSON.stringify(r.factors));
  });

  it('rates tutorials and explainers LOW even when they name malware and hashes', () => {
    const r = sev('How to unpack a loader: a step-by-step tutorial. In this post we will show how the backdoor decrypts its configuration.', {
      iocs: [ioc('sha256', 'a'.repeat(64))], malware: ['ExampleLoader'], techniques: [tech('T1027'), tech('T1140'), tech('T1055')],
    });
    assert.equal(r.severity, 'LOW');
    assert.ok(r.factors.some((f) => f.id === 'educational'));
    const incident = sev('How the intrusion unfolded: we observed the actors in victims\' networks for weeks.', { iocs: Array.from({ length: 10 }, (_, i) => ioc('ipv4', `198.51.100.${i}`)) });
    assert.notEqual(incident.severity, 'LOW');
  });

  it('puts a critical remote-code-execution advisory at least at HIGH', () => {
    const r = sev('A critical remote code execution vulnerability (CVSS 9.8) affects the widely used logging library.', { iocs: [ioc('cve', 'CVE-2099-0001')] });
    assert.ok(['HIGH', 'CRIT'].includes(r.severity), r.severity);
  });
});
