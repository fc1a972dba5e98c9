import { strict as assert } from 'node:assert';
import { Briefing } from '../../../src/engine/model';
import { escapeMarkdown, renderMarkdown } from '../../../src/engine/briefing/markdown';
import { defangUrlsInText } from '../../../src/engine/text/defang';

const b: Briefing = {
  schemaVersion: 1, id: 'tb-1', title: 'Evil *campaign* <script>alert(1)</script>', source: 'Example Blog', published: '2026-11-02',
  url: 'https://blog.example.org/post', severity: 'HIGH', summary: 'Payload from https://evil.example.net/a.bin was run.',
  iocs: [
    { type: 'domain', value: 'evil.example.net', display: 'evil[.]example[.]net', offsets: [[0, 1]], context: '', provenance: 'defanged', reason: 'C2 domain', confidence: 'high' },
    { type: 'sha256', value: 'ab'.repeat(32), display: 'ab'.repeat(32), offsets: [[0, 1]], context: '', provenance: 'ioc-table', reason: 'sample hash', confidence: 'high' },
  ],
  techniques: [{ id: 'T1059.001', name: 'Command and Scripting Interpreter: PowerShell', tactics: ['Execution'], confidence: 'high', evidence: ['It ran `powershell -enc` from http://x.example.com/p'], method: 'phrase' }],
  phases: [{ phase: 'install', techniques: ['T1059.001'], evidence: ['It ran PowerShell.'] }],
  hunts: [], entities: { actors: ['APT29'], malware: [], cves: [] },
  rationale: [{ id: 'iocs', text: '2 indicators', weight: 2 }], generator: { name: 'threat-briefings', version: '0' },
};

describe('markdown', () => {
  it('renders the seed section layout in order', () => {
    const md = renderMarkdown(b);
    const order = ['# [HIGH]', '**Source:** Example Blog', '## Threat Profile', '## Indicators of Compromise (high-fidelity only)', '### Domains (1)', '### SHA256 hashes (1)',
      '## MITRE ATT&CK Techniques', '**T1059.001** — Command and Scripting Interpreter: PowerShell (Execution)', '## Kill chain phases observed', '## Recommended hunts', '## Why this matters'];
    let at = -1;
    for (const s of order) {
      const i = md.indexOf(s);
      assert.ok(i > at, `${s} appears after the previous section`);
      at = i;
    }
  });

  it('escapes untrusted text and defangs URLs in it', () => {
    const md = renderMarkdown(b);
    assert.ok(!md.includes('<script>'));
    assert.ok(md.includes('&lt;script>'));
    assert.ok(md.includes('hxxps[://]evil[.]example[.]net/a.bin'));
    assert.ok(!/https:\/\/evil/.test(md));
    assert.ok(md.includes('`evil[.]example[.]net`'));
  });

  it('defangs URLs in free text', () => {
    assert.equal(defangUrlsInText('see https://a.b.example.com/x?y=1 now'), 'see hxxps[://]a[.]b[.]example[.]com/x?y=1 now');
    assert.equal(escapeMarkdown('a | b'), 'a \\| b');
  });

  it('is deterministic', () => {
    assert.equal(renderMarkdown(b), renderMarkdown(JSON.parse(JSON.stringify(b))));
  });
});

describe('markdown escaping', () => {
  it('escapes only what changes the rendering', () => {
    assert.equal(escapeMarkdown('Invoice_2026_11.iso and _emph_ and evil[.]com'), 'Invoice_2026_11.iso and \\_emph\\_ and evil[.]com');
    assert.equal(escapeMarkdown('[click](javascript:alert(1)) ![img](x) `code` *b* <b>'), '[click\\]\\(javascript:alert(1)) \\![img\\]\\(x) \\`code\\` \\*b\\* &lt;b>');
    assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
  });
});

describe('markdown hunts', () => {
  const hunt = (spl: string, kql: string) => ({
    id: 'UC_X', kind: 'ioc' as const, title: 'Hunt *x*', description: 'd', phase: 'c2' as const, confidence: 'high' as const, techniques: ['T1071'],
    reason: 'The article presents 2 domains.', evidence: ['It beacons to evil[.]example.'], telemetry: { splunk: [], defender: [] },
    spl, kql, falsePositives: ['Sandboxes.'], iocs: ['a', 'b'],
  });
  it('renders id, phase, confidence, reason, evidence and fenced queries', () => {
    const md = renderMarkdown({ ...b, hunts: [hunt('| tstats `summariesonly` count', 'DeviceEvents\n| take 1')] });
    assert.match(md, /### Hunt \\\*x\\\*\n\n`UC_X` · phase: \*\*c2\*\* · confidence: \*\*high\*\*/);
    assert.match(md, /Why: The article presents 2 domains\.\n> It beacons/);
    assert.match(md, /\*\*Splunk SPL \(CIM\):\*\*\n```spl\n\| tstats `summariesonly` count\n```/);
    assert.ok(!md.includes('_No hunt has evidence in this article._'));
  });
  it('fences longer than any backtick run, and folds long queries into <details>', () => {
    const long = Array.from({ length: 60 }, (_, i) => `| where x == ${i}`).join('\n');
    const md = renderMarkdown({ ...b, hunts: [hunt('search ````odd````', long)] });
    assert.match(md, /`````spl\nsearch ````odd````\n`````/);
    assert.match(md, /<details><summary>Defender KQL — 2 values, 60 lines<\/summary>\n\n```kql\n/);
    assert.match(md, /\n```\n\n<\/details>/);
  });
});
