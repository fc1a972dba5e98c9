import * as assert from 'node:assert/strict';
import { extractIocs } from '../../../src/engine/iocs/extract';
import { renderMarkdown } from '../../../src/engine/briefing/markdown';
import type { Briefing, Ioc, IocType } from '../../../src/engine/model';

// Sentences written for these tests. Hosts are invented, ICANN-valid names (the extractor drops example.com and
// RFC 5737 addresses by design); the wallet is the Bitcoin wiki's documentation address.
const all = (text: string): Ioc[] => extractIocs(text);
const values = (text: string, type: IocType): string[] => all(text).filter((i) => i.type === type).map((i) => i.value);
const find = (text: string, type: IocType, value: string): Ioc | undefined => all(text).find((i) => i.type === type && i.value === value);
const SHA1 = '9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c';
const MD5 = '7c1e5a9b3d2f4e6a8b0c1d3e5f7a9b2c';
const NT = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const LM = 'aad3b435b51404eeaad3b435b51404ee';
const WALLET = '1BoatSLRHtKNngkdXEeobR76b53LETtpyT';

describe('iocs/issue 12: the article\'s role for each indicator', () => {
  it('reads the role from a Description column, a column header, a row label and the words before a value', () => {
    const md = [
      'Indicators of Compromise',
      '| Indicator | Type | Description |',
      '|---|---|---|',
      '| lantern-gate[.]top | domain | C2 server |',
      '| 45.61.137.12 | ip | Payload host |',
      '| quiet-mirror[.]top | domain | Parked decoy |',
    ].join('\n');
    assert.equal(find(md, 'domain', 'lantern-gate.top')?.role, 'C2');
    assert.equal(find(md, 'ipv4', '45.61.137.12')?.role, 'payload host');
    assert.equal(find(md, 'domain', 'quiet-mirror.top')?.role, 'Parked decoy', 'a short description without a role word is kept as written');

    const html = ['IOCs', 'Fallback C2 | Exfiltration server', 'north-relay[.]top | south-drop[.]top'].join('\n');
    assert.equal(find(html, 'domain', 'north-relay.top')?.role, 'fallback C2');
    assert.equal(find(html, 'domain', 'south-drop.top')?.role, 'exfiltration server');

    const rowLabel = ['Indicators of Compromise', 'Download URL | hxxps://fetch-cabin[.]top/kit.zip'].join('\n');
    assert.equal(find(rowLabel, 'url', 'https://fetch-cabin.top/kit.zip')?.role, 'download URL');

    const prose = 'The implant called the C2 server at hxxp://cmd-lantern[.]top/gate and phishing e-mails were sent from billing[@]invoice-desk[.]top.';
    assert.equal(find(prose, 'url', 'http://cmd-lantern.top/gate')?.role, 'C2');
    assert.equal(find(prose, 'email', 'billing@invoice-desk.top')?.role, 'phishing sender');
  });

  it('gives no role where the article names none, and keeps the role in the JSON and the Markdown', () => {
    const plain = ['Indicators of Compromise', '- lantern-gate[.]top', '- 45.61.137.12'].join('\n');
    for (const i of all(plain)) assert.equal(i.role, undefined, i.value);
    const typeOnly = ['Indicators of Compromise', '| Indicator | Type |', '| lantern-gate[.]top | domain |'].join('\n');
    assert.equal(find(typeOnly, 'domain', 'lantern-gate.top')?.role, undefined, 'an IOC type name is not a role');
    const iocs = all('The backdoor beaconed to the C2 server at lantern-gate[.]top every minute.');
    assert.equal(JSON.parse(JSON.stringify(iocs))[0].role, 'C2');
    const md = renderMarkdown(briefingWith(iocs));
    assert.match(md, /`lantern-gate\[\.\]top` — \*\*C2\*\* — /);
  });
});

describe('iocs/issue 12: shared infrastructure', () => {
  const list = ['Indicators of Compromise', '- 8.8.8.8', '- 104.16.9.9', '- dropbox.com', '- lantern-gate[.]top'].join('\n');
  it('keeps resolvers, CDN addresses and file-sharing hosts the article lists, flagged and down-weighted', () => {
    for (const [t, v] of [['ipv4', '8.8.8.8'], ['ipv4', '104.16.9.9'], ['domain', 'dropbox.com']] as const) {
      const i = find(list, t, v);
      assert.ok(i, v);
      assert.equal(i.sharedInfrastructure, true, v);
      assert.equal(i.confidence, 'low', v);
      assert.match(i.reason, /shared infrastructure/);
    }
    const own = find(list, 'domain', 'lantern-gate.top');
    assert.equal(own?.sharedInfrastructure, undefined);
    assert.equal(own?.confidence, 'high');
    const md = renderMarkdown(briefingWith(all(list)));
    assert.match(md, /`8\.8\.8\[\.\]8`.*shared infrastructure/);
  });

  it('still drops the same hosts when the article only mentions them', () => {
    const text = 'Point your resolver at 8.8.8.8 and share the report through dropbox.com as usual.';
    assert.deepEqual(all(text), []);
  });
});

describe('iocs/issue 12: narrative values the article labels', () => {
  const section = ['## Indicators of Compromise', `- ${MD5}`, '- lantern-gate[.]top', '', '## Analysis', ''].join('\n');
  it('keeps a hash labelled in the narrative and a payload URL the narrative states, even with an IOC section', () => {
    const text = section + `\nThe tool is linked to an earlier sample (SHA-1: ${SHA1}) seen in spring.\nThe payload was downloaded from hxxp://fetch-cabin[.]top/stage2.bin by the script.`;
    assert.ok(values(text, 'sha1').includes(SHA1));
    assert.ok(values(text, 'url').includes('http://fetch-cabin.top/stage2.bin'));
  });
  it('still drops an unlabelled hash from earlier research and a citation link', () => {
    const text = section + `\nA previous malware wave reused ${SHA1} on several hosts.\nRead the full write-up at https://research-notes.top/post/lantern for details.`;
    assert.deepEqual(values(text, 'sha1'), []);
    assert.deepEqual(values(text, 'url'), []);
  });
});

describe('iocs/issue 12: URL shapes', () => {
  it('splits URLs glued together at each scheme (defanged and plain)', () => {
    const text = ['Indicators of Compromise', '- hxxp://fetch-cabin[.]top/a.exehxxp://fetch-cabin[.]top/b.dll', '- https://fetch-cabin.top/c.exehttp://fetch-cabin.top/d.ps1'].join('\n');
    assert.deepEqual(values(text, 'url').sort(), [
      'http://fetch-cabin.top/a.exe', 'http://fetch-cabin.top/b.dll', 'http://fetch-cabin.top/d.ps1', 'https://fetch-cabin.top/c.exe',
    ]);
  });
  it('keeps a redirect URL whose query holds another URL whole', () => {
    const text = ['Indicators of Compromise', '- https://fetch-cabin.top/r?u=https://second-hop.top/x'].join('\n');
    assert.deepEqual(values(text, 'url'), ['https://fetch-cabin.top/r?u=https://second-hop.top/x']);
  });
  it('never keeps full-width or CJK closing punctuation inside a URL', () => {
    const text = 'The C2 panels were hxxps://lantern-gate[.]top/gate.php＞, 「hxxps://lantern-gate[.]top/a.php」 and （hxxps://lantern-gate[.]top/b.php）.';
    assert.deepEqual(values(text, 'url').sort(), ['https://lantern-gate.top/a.php', 'https://lantern-gate.top/b.php', 'https://lantern-gate.top/gate.php']);
    assert.deepEqual(values('The C2 was hxxps://lantern-gate[.]top/a(1).php today.', 'url'), ['https://lantern-gate.top/a(1).php']);
  });
  it('reads CIDR ranges as IP ranges, never as URLs', () => {
    const text = ['Indicators of Compromise', '- 45.61.137.0/24', '- 45.61.138.9/gate.php'].join('\n');
    assert.ok(values(text, 'ipv4').includes('45.61.137.0/24'));
    assert.ok(!values(text, 'ipv4').includes('45.61.137.0'));
    assert.deepEqual(values(text, 'url'), ['45.61.138.9/gate.php'], 'a path after an IP is still a URL');
  });
});

describe('iocs/issue 12: defang forms', () => {
  it('reads half-bracket defangs', () => {
    const text = 'The C2 hosts were lantern-gate[.top, north-relay.]top and 45.61.137[.12; mail came from ops[@]lantern-gate[.top and desk[at]north-relay[dot]top.';
    assert.deepEqual(values(text, 'domain').sort(), ['lantern-gate.top', 'north-relay.top']);
    assert.deepEqual(values(text, 'ipv4'), ['45.61.137.12']);
    assert.deepEqual(values(text, 'email').sort(), ['desk@north-relay.top', 'ops@lantern-gate.top']);
  });
  it('gives the right URL for a "__" scheme, and no garbage for look-alikes', () => {
    assert.deepEqual(values('The C2 was http__lantern-gate.top/x.php last week.', 'url'), ['http://lantern-gate.top/x.php']);
    const junk = all('Set the variable http__proxy to empty and read the [.NET notes] and the docs.]');
    assert.deepEqual(junk, []);
    for (const i of all('The C2 was http__lantern-gate.top/x.php last week.')) assert.ok(!i.value.includes('__'), i.value);
  });
  it('reads CVE IDs with a space or a non-ASCII hyphen, and nothing from look-alikes', () => {
    assert.deepEqual(values('They exploited CVE 2021-44228 early.', 'cve'), ['CVE-2021-44228']);
    assert.deepEqual(values('They exploited CVE\u20112021\u201144228 early.', 'cve'), ['CVE-2021-44228']);
    assert.deepEqual(values('They exploited CVE\u22122022\u221222965 early.', 'cve'), ['CVE-2022-22965']);
    assert.deepEqual(values('Our CVE 2021 review covered 44228 issues; CVE-2021 was busy.', 'cve'), []);
  });
});

describe('iocs/issue 12: hashes, paths, keys, wallets', () => {
  it('does not report NTLM/LM password hashes as MD5 file hashes', () => {
    const text = [
      'The attacker ran secretsdump against the domain controller:',
      `Administrator:500:${LM}:${NT}:::`,
      `The mimikatz output showed * NTLM     : ${NT} for the service account.`,
      `The cracked NTLM hash ${NT} belonged to a helpdesk user of the malware victim.`,
    ].join('\n');
    assert.deepEqual(values(text, 'md5'), []);
  });
  it('still reports an MD5 the article labels', () => {
    assert.deepEqual(values(`The dropper (MD5: ${MD5}) was mailed as an attachment.`, 'md5'), [MD5]);
  });
  it('keeps file paths with spaces whole when quoted or when they reach a file name', () => {
    const text = 'The malware dropped C:\\Program Files\\Lantern Corp\\svc helper.exe and `/Library/Application Support/Lantern Tool/agent` for persistence.';
    const paths = values(text, 'file_path');
    assert.ok(paths.includes('C:\\Program Files\\Lantern Corp\\svc helper.exe'), paths.join());
    assert.ok(paths.includes('/Library/Application Support/Lantern Tool/agent'), paths.join());
    const spaced = values('The malware wrote /Users/Shared/Lantern Data/libcache.dylib before launch.', 'file_path');
    assert.deepEqual(spaced, ['/Users/Shared/Lantern Data/libcache.dylib']);
  });
  it('does not swallow the prose after an unquoted path', () => {
    assert.deepEqual(values('The malware copied itself to /tmp/lantern/agent then ran it.', 'file_path'), ['/tmp/lantern/agent']);
  });
  it('finds two registry keys on one line, and the sandbox <HKCU> form', () => {
    const text = 'The malware sets HKCU\\Software\\Lantern\\Updater and HKLM\\Software\\Lantern\\Config for persistence.\n<HKCU>\\Software\\Lantern\\Agent was created by the malware.';
    assert.deepEqual(values(text, 'registry_key').sort(), ['HKCU\\Software\\Lantern\\Agent', 'HKCU\\Software\\Lantern\\Updater', 'HKLM\\Software\\Lantern\\Config']);
    const one = 'The malware created HKLM\\Software\\Lantern Suite\\Image Options\\agent for persistence.';
    assert.deepEqual(values(one, 'registry_key'), ['HKLM\\Software\\Lantern Suite\\Image Options\\agent']);
  });
  it('scans wallets listed in an IOC appendix with no money word in the text', () => {
    assert.deepEqual(values(['Indicators of Compromise', `- ${WALLET}`, '- lantern-gate[.]top'].join('\n'), 'crypto_wallet'), [WALLET]);
    assert.deepEqual(values(`The build string ${WALLET} appears in the binary.`, 'crypto_wallet'), []);
  });
});

describe('iocs/issue 12: reasons and precision', () => {
  it('never describes a domain as an e-mail address or a URL', () => {
    const text = ['Indicators of Compromise', '- ops@lantern-gate.top', '- hxxp://north-relay[.]top'].join('\n');
    const domains = all(text).filter((i) => i.type === 'domain');
    assert.ok(domains.length >= 2);
    for (const d of domains) assert.doesNotMatch(d.reason, /^(?:E-mail address|URL)\b/, d.reason);
    assert.match(find(text, 'email', 'ops@lantern-gate.top')?.reason ?? '', /^E-mail address/);
  });
  it('finds nothing in benign text', () => {
    const text = [
      'Our team shipped version 1.2.3.4 of the agent. See C:\\Program Files\\Our App\\readme for notes.',
      'Set the DNS server to 1.1.1.1, store files on dropbox.com, and read CVE 2021 in review.',
      'The value abc[.5] is an array index; the docs.]end marker is a typo.',
    ].join('\n');
    assert.deepEqual(all(text).map((i) => `${i.type}:${i.value}`), []);
  });
});

function briefingWith(iocs: Ioc[]): Briefing {
  return {
    schemaVersion: 1, id: 'tb-t', title: 'Test', source: 'Test', published: '2026-11-02', url: 'https://notes.invalid/p', severity: 'LOW',
    summary: '', iocs, techniques: [], phases: [], hunts: [], entities: { actors: [], malware: [], cves: [] }, rationale: [],
    generator: { name: 'threat-briefings', version: '0' },
  } as Briefing;
}
