import * as assert from 'node:assert/strict';
import { extractIocs, type ExtractOptions } from '../../../src/engine/iocs/extract';
import type { Ioc, IocType } from '../../../src/engine/model';

// Snippets are written for these tests (no third-party article text). Hosts use reserved-looking but
// ICANN-valid names so the public-suffix check accepts them.
function values(text: string, type: IocType, opts?: ExtractOptions): string[] {
  return extractIocs(text, opts).filter((i) => i.type === type).map((i) => i.value);
}
const SHA256 = 'a3f1c2d4e5b6978812ab34cd56ef7890a1b2c3d4e5f60718293a4b5c6d7e8f90';
const SHA1 = '9b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c';
const MD5 = '7c1e5a9b3d2f4e6a8b0c1d3e5f7a9b2c';

describe('iocs/extract: defanged forms', () => {
  it('reads every defang form as a presented-as-malicious value', () => {
    const text = [
      'The loader fetched hxxp://cdn-update[.]top/a.bin and hXXps://drop[.]pw/b.',
      'A backup channel used fxp://files[.]ru/c.',
      'Other hosts: login(.)secure-portal{.}xyz, portal[dot]badcorp(dot)info and mail dot attacker-host dot biz.',
      'Scheme separators: hxxp[:]//one[.]cc/p and hxxp[://]two[.]cc[/]q.',
      'Contact: ops[@]badcorp[.]info, root[at]badcorp[.]info and admin(at)badcorp[.]info.',
      'Escaped: evil-cdn\\.online was the C2.',
    ].join('\n');
    const urls = values(text, 'url');
    assert.ok(urls.includes('http://cdn-update.top/a.bin'));
    assert.ok(urls.includes('https://drop.pw/b'));
    assert.ok(urls.includes('ftp://files.ru/c'));
    assert.ok(urls.includes('http://one.cc/p'));
    assert.ok(urls.includes('http://two.cc/q'));
    const domains = values(text, 'domain');
    for (const d of ['login.secure-portal.xyz', 'portal.badcorp.info', 'evil-cdn.online']) assert.ok(domains.includes(d), d);
    const emails = values(text, 'email');
    assert.deepEqual(emails.sort(), ['admin@badcorp.info', 'ops@badcorp.info', 'root@badcorp.info']);
  });

  it('reads IPs with a bracketed last octet and glued labels', () => {
    const text = 'It beaconed to 45.61.137[.]12, to 45.61.137.[13] and then to 94[.]142.138.61IP which hosted the payload.';
    assert.deepEqual(values(text, 'ipv4').sort(), ['45.61.137.12', '45.61.137.13', '94.142.138.61']);
  });

  it('splits URLs joined by an en dash and trims sentence punctuation', () => {
    const text = 'C2\n– hxxp://stage-host.com/bbs/data/x– hxxp://stage-host.com/bbs/data/x/cfg.php\nSee (hxxp://other-host.net/p).';
    const urls = values(text, 'url');
    assert.ok(urls.includes('http://stage-host.com/bbs/data/x'));
    assert.ok(urls.includes('http://stage-host.com/bbs/data/x/cfg.php'));
    assert.ok(urls.includes('http://other-host.net/p'));
    assert.equal(urls.length, 3);
  });

  it('keeps scheme-less URLs and spaced dots inside an IOC list', () => {
    const text = 'Indicators of Compromise\nURL and IP\n203.0.114[.]77/x\nupdates . badhost . net\n';
    assert.deepEqual(values(text, 'url'), ['203.0.114.77/x']);
    assert.deepEqual(values(text, 'domain'), ['updates.badhost.net']);
  });

  it('splits a hash glued to a host in a flattened table cell', () => {
    const text = `Table 2. Samples\nSHA-1C&C\n${SHA1.toUpperCase()}qwerty77.duckdns[.]org\n`;
    assert.deepEqual(values(text, 'sha1'), [SHA1]);
    assert.deepEqual(values(text, 'domain'), ['qwerty77.duckdns.org']);
  });

  it('lower-cases domains and drops the port', () => {
    const text = 'GatewayAddress=Badgate11[.]com:2145';
    assert.deepEqual(values(text, 'domain'), ['badgate11.com']);
  });
});

describe('iocs/extract: not IOCs', () => {
  it('never reports the publisher, references or legitimate platforms', () => {
    const text = [
      'The attacker used C2 at hxxps://c2-node[.]site/gate.',
      'Our earlier research is at https://research.vendor-blog.com/2024/report and on https://github.com/vendor/iocs.',
      'The malware also checks https://www.google.com for connectivity.',
      '',
      'References',
      '- https://nvd.nist.gov/vuln/detail/CVE-2024-1234',
      '- https://some-news-site.com/story',
    ].join('\n');
    const got = extractIocs(text, { articleUrl: 'https://research.vendor-blog.com/2024/this-post' });
    const v = got.map((i) => i.value);
    assert.ok(v.includes('https://c2-node.site/gate'));
    for (const bad of ['research.vendor-blog.com', 'github.com', 'www.google.com', 'nvd.nist.gov', 'some-news-site.com']) {
      assert.ok(!v.some((x) => x.includes(bad)), bad);
    }
    assert.deepEqual(values(text, 'cve'), ['CVE-2024-1234'].filter(() => false)); // only inside a reference URL
  });

  it('keeps a malicious path on a legitimate platform as a URL, never the host', () => {
    const text = 'Indicators of compromise\nhxxps://raw.githubusercontent[.]com/evil-user/tools/main/loader.ps1\n';
    assert.deepEqual(values(text, 'url'), ['https://raw.githubusercontent.com/evil-user/tools/main/loader.ps1']);
    assert.deepEqual(values(text, 'domain'), []);
  });

  it('rejects private, reserved and documentation IPs and version numbers', () => {
    const text = 'Malicious C2 servers: 10.0.0.5, 192.168.1.20, 127.0.0.1, 198.51.100.7, 224.0.0.251. ' +
      'The implant was built with version 1.2.3.4 and R.S.8.1, signature 2023.05.24.02, section 4.1.2.3.5.';
    assert.deepEqual(values(text, 'ipv4'), []);
  });

  it('treats file names shaped like domains as files', () => {
    const text = 'The attacker ran setup.py, then node.js, config.js and cmd.exe; the malicious payload.zip was dropped and dockerd.md read.';
    assert.deepEqual(values(text, 'domain'), []);
    const files = values(text, 'file_name');
    assert.ok(files.includes('payload.zip'));
    for (const f of ['setup.py', 'node.js', 'config.js', 'cmd.exe', 'dockerd.md']) assert.ok(!files.includes(f), f);
  });

  it('does not take hashes out of docker digests, git commits, integrity strings or release checksums', () => {
    const text = [
      `docker pull ubuntu@sha256:${SHA256}`,
      `Digest: sha256:${SHA256}`,
      `The regression was introduced in commit ${SHA1} (git bisect found it).`,
      `"integrity": "sha512-Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6=="`,
      '### SHASUMS',
      `${SHA256.replace(/a/g, 'b')}  tool-v1.2.3-linux-x64.tar.gz`,
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      `${SHA256.replace(/a/g, 'c')}  tool-v1.2.3.zip`,
      '-----END PGP SIGNATURE-----',
    ].join('\n');
    const got = extractIocs(text);
    assert.deepEqual(got.filter((i) => /^(md5|sha1|sha256|sha512)$/.test(i.type)), []);
  });

  it('keeps hashes in an IOC context', () => {
    const text = `The dropper (SHA256 ${SHA256}) writes a DLL.\nMD5: ${MD5}\n`;
    assert.deepEqual(values(text, 'sha256'), [SHA256]);
    assert.deepEqual(values(text, 'md5'), [MD5]);
    assert.deepEqual(values(`Summary.\n\nIndicators of Compromise\n${SHA1}\n`, 'sha1'), [SHA1]);
  });

  it('ignores example values, redactions and the "real" domain of a look-alike', () => {
    const text = [
      'Send mail to user@example.com or visit https://example.org/x.',
      'The phishing host [redacted]amou[.]com served the kit.',
      '-- Malicious domain payrollsecure[.]org - imitates a charity',
      '-- Real domain: payroll-secure[.]org',
      'The lure linked to https://city.gov[.]example-host.com (a legitimate site).',
    ].join('\n');
    const d = values(text, 'domain');
    assert.deepEqual(d, ['payrollsecure.org']);
    assert.deepEqual(values(text, 'email'), []);
  });

  it('does not report LOLBins or technology names as files', () => {
    const text = 'The malware used rundll32.exe, schtasks.exe, vssadmin.exe and mstsc.exe; the dropper was written in Next.js and Vue.js.';
    assert.deepEqual(values(text, 'file_name'), []);
  });

  it('reports CVE IDs named in the text but not ones only inside URLs', () => {
    const text = 'Attackers exploit CVE-2024-21887 and CVE-2023-46805. See https://nvd.nist.gov/vuln/detail/CVE-2022-1111.';
    assert.deepEqual(values(text, 'cve'), ['CVE-2023-46805', 'CVE-2024-21887'].sort().filter((x) => x).sort((a, b) => text.indexOf(a) - text.indexOf(b)));
  });

  it('keeps specific attacker paths and drops generic or build paths', () => {
    const text = [
      'The malware copies itself to C:\\Users\\Public\\Music Cache\\svc host\\updater.exe and creates /tmp/.x11/kworkerd.',
      'It reads /etc/passwd and writes to /dev/null; PDB path D:\\Work\\Proj\\obj\\Debug\\bot.pdb.',
    ].join('\n');
    const paths = values(text, 'file_path');
    assert.ok(paths.includes('C:\\Users\\Public\\Music Cache\\svc host\\updater.exe'), paths.join(','));
    assert.ok(paths.includes('/tmp/.x11/kworkerd'));
    for (const p of ['/etc/passwd', '/dev/null']) assert.ok(!paths.includes(p), p);
    assert.ok(!paths.some((p) => p.endsWith('.pdb')));
  });

  it('reports wallets only with a checksum and in a payment context', () => {
    const text = 'Pay the ransom in bitcoin to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq. Random: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb';
    const w = values(text, 'crypto_wallet');
    assert.ok(w.includes('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa'));
    assert.ok(w.includes('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'));
    assert.ok(!w.includes('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb'));
  });
});

describe('iocs/extract: context model and output', () => {
  it('needs malicious context for plain narrative domains', () => {
    assert.deepEqual(values('We migrated our docs to docs-portal.io last year.', 'domain'), []);
    assert.deepEqual(values('The implant beacons to update-checker.io every minute.', 'domain'), ['update-checker.io']);
  });

  it('records provenance, reasons, offsets and a defanged display', () => {
    const text = 'Intro.\n\nIndicators of Compromise\nDomains\nbad-host[.]com\n\nThe bot also contacted bad-host[.]com.';
    const got = extractIocs(text);
    const d = got.find((i) => i.type === 'domain') as Ioc;
    assert.equal(d.value, 'bad-host.com');
    assert.equal(d.display, 'bad-host[.]com');
    assert.equal(d.provenance, 'ioc-section');
    assert.equal(d.confidence, 'high');
    assert.match(d.reason, /IOC heading/);
    assert.equal(d.offsets.length, 2);
    for (const [s, e] of d.offsets) assert.equal(text.slice(s, e), 'bad-host[.]com');
    assert.ok(d.context.includes('bad-host[.]com'));
  });

  it('drops narrative-only values of a family the IOC section covers', () => {
    const text = 'Earlier campaigns used old-c2[.]net for C2.\n\nIndicators of Compromise\nnew-c2[.]net\n';
    assert.deepEqual(values(text, 'domain'), ['new-c2.net']);
  });

  it('is deterministic and sorted by type then first offset', () => {
    const text = `IOCs\n${SHA256}\nzz-host[.]com\n45.61.137[.]12\naa-host[.]com\n`;
    const a = extractIocs(text);
    assert.deepEqual(a, extractIocs(text));
    assert.deepEqual(a.map((i) => i.type), ['ipv4', 'domain', 'domain', 'sha256']);
    assert.deepEqual(a.filter((i) => i.type === 'domain').map((i) => i.value), ['zz-host.com', 'aa-host.com']);
  });

  it('ends an IOC section at the next prose paragraph or known heading', () => {
    const text = 'IOCs\n45.61.137.12\n\nSummary\nWe saw 45.61.138.99 in our lab and a nice test of 45.61.138.98 too.\n';
    assert.deepEqual(values(text, 'ipv4'), ['45.61.137.12']);
  });
});

describe('iocs/extract: Windows paths with spaces', () => {
  it('keeps a full path whose last segment has spaces when it ends in a file extension, and no prose after a path', () => {
    const paths = (t: string) => extractIocs(t).filter((i) => i.type === 'file_path').map((i) => i.value);
    assert.deepEqual(paths('The malware drops its payload to C:\\ProgramData\\Update Service\\svc host.exe and runs it.'), ['C:\\ProgramData\\Update Service\\svc host.exe']);
    assert.deepEqual(paths('The malware writes C:\\ProgramData\\UpdSvc\\cfg and later deletes it.'), ['C:\\ProgramData\\UpdSvc\\cfg']);
    const names = extractIocs('The malware drops its payload to C:\\ProgramData\\Update Service\\svc host.exe and runs it.').filter((i) => i.type === 'file_name').map((i) => i.value);
    assert.ok(!names.includes('host.exe'), names.join(','));
  });
});

describe('iocs/extract: one IOC per value whatever its case', () => {
  it('merges a hash, domain, e-mail or file name written in upper and lower case', () => {
    const text = [
      'Indicators of Compromise',
      `- ${SHA256}`,
      `- ${SHA256.toUpperCase()}`,
      '- update-check.example-cdn.net',
      '- UPDATE-CHECK.Example-CDN.net',
      '- ops@badcorp-mail.info',
      '- OPS@BadCorp-Mail.info',
      '- Invoice_2291.exe',
      '- invoice_2291.EXE',
    ].join('\n');
    const iocs = extractIocs(text);
    const cases: Array<[IocType, string]> = [['sha256', SHA256], ['domain', 'update-check.example-cdn.net'], ['email', 'ops@badcorp-mail.info'], ['file_name', 'invoice_2291.exe']];
    for (const [type, value] of cases) {
      const of = iocs.filter((i) => i.type === type && i.value.toLowerCase() === value);
      assert.equal(of.length, 1, `${type}: ${iocs.map((i) => i.value).join(', ')}`);
      assert.equal(of[0].offsets.length, 2, type);
    }
  });
});
