// The pure parts of hunts in the editor: repository layout detection and proposed paths, which query an editor
// wants, hunt blocks and IDs in briefing Markdown, the Sigma detection block, snippets, and coverage words.
import * as assert from 'node:assert/strict';
import { exportHunt } from '../../../src/engine/exports/export';
import { catalogue } from '../../../src/engine/hunts/catalogue';
import { listedHunt } from '../../../src/engine/hunts/listing';
import { renderMarkdown } from '../../../src/engine/briefing/markdown';
import type { RuleFile } from '../../../src/engine/exports/coverage';
import { coverageMarks, coverageNote, gapsReport } from '../../../src/extension/coverage/report';
import { catalogueBriefing } from '../../../src/extension/hunts/context';
import { findHuntBlocks, huntIdAt, huntIdPrefix } from '../../../src/extension/hunts/huntBlocks';
import { contentKind, detectLayouts, foldersOf, nextFreeName, proposePath, relativePathProblem } from '../../../src/extension/hunts/layout';
import { looksLikeSigma, queryChoiceFor } from '../../../src/extension/hunts/queryChoice';
import { sigmaDetectionBlock, sigmaLogsource } from '../../../src/extension/hunts/sigmaBlock';
import { yamlDocs } from '../../support/formats';
import { buildSnippets, snippetLines, snippetPrefix } from '../../../src/extension/hunts/snippets';

const SIGMA_REPO = ['sigma/rules/windows/process_creation/proc_creation_win_a.yml', 'sigma/rules/windows/registry/registry_set/reg_b.yml', 'sigma/rules/linux/file_event/c.yml', 'sigma/README.md'];
const SC_REPO = ['security_content/detections/endpoint/a.yml', 'security_content/detections/network/b.yml', 'security_content/stories/s.yml'];
const SENTINEL = ['Azure-Sentinel/Hunting Queries/DeviceProcessEvents/x.yaml', 'Azure-Sentinel/Hunting Queries/SigninLogs/y.yaml'];

describe('hunts in the editor: layout detection', () => {
  it('finds Sigma, security_content and Sentinel layouts at any depth', () => {
    const l = detectLayouts([...SIGMA_REPO, ...SC_REPO, ...SENTINEL]);
    assert.deepEqual(l.map((x) => [x.format, x.root]), [['sentinel', 'Azure-Sentinel'], ['security_content', 'security_content'], ['sigma', 'sigma']]);
  });
  it('finds folders of plain .spl / .kql files, but not those inside a structured layout', () => {
    const l = detectLayouts(['queries/splunk/a.spl', 'queries/splunk/b.spl', 'queries/kql/c.kql', 'sigma/rules/x/y.yml', 'sigma/rules/x/y.spl']);
    assert.deepEqual(l.map((x) => [x.format, x.root]), [['kql', 'queries/kql'], ['spl', 'queries/splunk'], ['sigma', 'sigma']]);
  });
  it('finds nothing in a workspace of other YAML', () => {
    assert.deepEqual(detectLayouts(['.github/workflows/ci.yml', 'detections.yml', 'docs/rules.md']), []);
  });
  it('lists every folder that holds a file', () => {
    assert.deepEqual([...foldersOf(['a/b/c.yml', 'a/d.yml'])].sort(), ['a', 'a/b']);
  });
});

describe('hunts in the editor: proposed paths', () => {
  const folders = foldersOf([...SIGMA_REPO, ...SC_REPO, ...SENTINEL]);
  const [sentinel, sc, sigma] = detectLayouts([...SIGMA_REPO, ...SC_REPO, ...SENTINEL]);
  const tel = { splunk: ['Endpoint.Processes'], defender: ['DeviceProcessEvents'] };
  it('Sigma: the deepest existing rules/<product>/<category>/ folder, else rules/<product>/<category>/', () => {
    assert.equal(proposePath(sigma, { fileName: 'r.yml', logsource: { product: 'windows', category: 'process_creation' }, telemetry: tel }, folders), 'sigma/rules/windows/process_creation/r.yml');
    assert.equal(proposePath(sigma, { fileName: 'r.yml', logsource: { product: 'linux', category: 'process_creation' }, telemetry: tel }, folders), 'sigma/rules/linux/r.yml');
    assert.equal(proposePath(sigma, { fileName: 'r.yml', logsource: { product: 'macos', category: 'dns' }, telemetry: tel }, folders), 'sigma/rules/macos/dns/r.yml');
    assert.equal(proposePath(sigma, { fileName: 'r.yml', telemetry: tel }, folders), 'sigma/rules/r.yml');
  });
  it('security_content: detections/endpoint|network|cloud/ from the data model or table', () => {
    assert.equal(proposePath(sc, { fileName: 'd.yml', telemetry: tel }, folders), 'security_content/detections/endpoint/d.yml');
    assert.equal(contentKind({ splunk: ['Network_Resolution.DNS'], defender: [] }), 'network');
    assert.equal(contentKind({ splunk: ['Authentication.Authentication'], defender: [] }), 'cloud');
    assert.equal(contentKind({ splunk: [], defender: ['CloudAppEvents'] }), 'cloud');
  });
  it('Sentinel: Hunting Queries/<Table>/, reusing an existing folder whatever its case', () => {
    assert.equal(proposePath(sentinel, { fileName: 'Q.yaml', telemetry: { splunk: [], defender: ['deviceprocessevents'] } }, folders), 'Azure-Sentinel/Hunting Queries/DeviceProcessEvents/Q.yaml');
    assert.equal(proposePath(sentinel, { fileName: 'Q.yaml', telemetry: { splunk: [], defender: ['DeviceFileEvents'] } }, folders), 'Azure-Sentinel/Hunting Queries/DeviceFileEvents/Q.yaml');
  });
  it('plain folders take the file as it is', () => {
    assert.equal(proposePath({ format: 'spl', root: 'queries', label: '' }, { fileName: 'a.spl', telemetry: tel }, folders), 'queries/a.spl');
  });
  it('offers a free name and refuses unsafe paths', () => {
    const taken = new Set(['r/a.yml', 'r/a-2.yml']);
    assert.equal(nextFreeName('r/a.yml', (p) => taken.has(p)), 'r/a-3.yml');
    assert.equal(nextFreeName('r.d/a', () => false), 'r.d/a-2');
    assert.ok(relativePathProblem('../x.yml'));
    assert.ok(relativePathProblem('/etc/x.yml'));
    assert.ok(relativePathProblem('rules/'));
    assert.equal(relativePathProblem('rules/windows/x.yml'), undefined);
  });
});

describe('hunts in the editor: which query an editor wants', () => {
  it('SPL, KQL, Sigma by language, extension or content; otherwise ask', () => {
    assert.equal(queryChoiceFor('splunk_search', 'a.txt', ''), 'spl');
    assert.equal(queryChoiceFor('plaintext', '/x/a.spl', ''), 'spl');
    assert.equal(queryChoiceFor('kusto', 'a', ''), 'kql');
    assert.equal(queryChoiceFor('plaintext', 'q.KQL', ''), 'kql');
    assert.equal(queryChoiceFor('yaml', 'r.yml', 'title: x\nlogsource:\n  product: windows\n'), 'sigma');
    assert.equal(queryChoiceFor('yaml', 'ci.yml', 'on: push\njobs: {}\n'), 'ask');
    assert.equal(queryChoiceFor('markdown', 'n.md', ''), 'ask');
    assert.ok(looksLikeSigma('detection:\n  selection: {}\n'));
  });
});

describe('hunts in the editor: hunt blocks and IDs', () => {
  const hunt = listedHunt('UC_ENCODED_POWERSHELL')!;
  const b = { ...catalogueBriefing(hunt, 'test'), hunts: [hunt, { ...hunt, id: 'UC_IOC_HASH', title: 'Hashes' }] };
  it('finds each hunt block of rendered briefing Markdown, and not the IOC headings', () => {
    const blocks = findHuntBlocks(renderMarkdown(b));
    assert.deepEqual(blocks.map((x) => x.id), ['UC_ENCODED_POWERSHELL', 'UC_IOC_HASH']);
    assert.ok(blocks.every((x) => x.title.length > 0));
  });
  it('finds the hunt ID under the cursor and the partial ID before it', () => {
    assert.deepEqual(huntIdAt('see `UC_IOC_DOMAIN` here', 6), { id: 'UC_IOC_DOMAIN', start: 5, end: 18 });
    assert.equal(huntIdAt('see UC_IOC_DOMAIN here', 1), undefined);
    assert.equal(huntIdPrefix('x = UC_ENC'), 'UC_ENC');
    assert.equal(huntIdPrefix('FOO_UC_'), undefined);
  });
});

describe('hunts in the editor: Sigma parts and the catalogue context', () => {
  it('a catalogue hunt exports with its minimal briefing; Sigma says why not for a behaviour hunt', () => {
    const hunt = listedHunt('UC_ENCODED_POWERSHELL')!;
    const b = catalogueBriefing(hunt, 'test');
    const opts = { date: '2026-12-01' };
    assert.equal(exportHunt('security_content', hunt, b, opts).ok, true);
    assert.equal(exportHunt('sentinel', hunt, b, opts).ok, true);
    const s = exportHunt('sigma', hunt, b, opts);
    assert.equal(s.ok, false);
    assert.match(s.ok ? '' : s.reason, /UC_ENCODED_POWERSHELL/);
  });
  it('takes the detection block and the logsource out of an exported rule', () => {
    const rule = 'title: x\nlogsource:\n    category: process_creation\n    product: windows\ndetection:\n    selection:\n        Hashes|contains: abc\n    condition: selection\nlevel: high\n';
    assert.equal(sigmaDetectionBlock(rule), 'detection:\n    selection:\n        Hashes|contains: abc\n    condition: selection\n');
    assert.deepEqual(sigmaLogsource(rule), { category: 'process_creation', product: 'windows' });
    assert.equal(sigmaDetectionBlock('title: x\n'), undefined);
  });
});

describe('hunts in the editor: snippets', () => {
  const files = buildSnippets(catalogue());
  it('one SPL, KQL and Sigma snippet per catalogue hunt, prefixed tb-', () => {
    for (const f of [files.spl, files.kql, files.sigma]) assert.equal(Object.keys(f).length, catalogue().length);
    assert.equal(snippetPrefix('UC_ENCODED_POWERSHELL'), 'tb-encoded-powershell');
    assert.ok(Object.values(files.spl).every((s) => s.prefix.startsWith('tb-')));
  });
  it('bodies are the query lines with snippet syntax escaped, so they expand to the query itself', () => {
    assert.deepEqual(snippetLines('a $x \\d }\nb'), ['a \\$x \\\\d \\}', 'b']);
    const unescape = (lines: string[]) => lines.join('\n').replace(/\\([$}\\])/g, '$1');
    for (const h of catalogue()) {
      assert.equal(unescape(files.spl[`${h.id} (SPL)`].body), h.spl);
      assert.equal(unescape(files.kql[`${h.id} (KQL)`].body), h.kql);
    }
  });
  it('Sigma snippets are the hunt\'s own detection; only hunts Sigma cannot express get a skeleton with the reason', () => {
    const unescape = (lines: string[]) => lines.join('\n').replace(/^\$0$/m, '').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\w+/g, 'X').replace(/\\([$}\\])/g, '$1');
    const s = files.sigma['UC_ENCODED_POWERSHELL (Sigma)'].body.join('\n');
    assert.match(s, /^title: '.+'/);
    assert.match(s, /- attack\.t1059\.001/);
    assert.match(s, /logsource:\n {4}category: process_creation\n {4}product: windows/);
    assert.doesNotMatch(s, /TODO/);
    // the expanded snippet is valid YAML holding the catalogue's detection
    const [doc] = yamlDocs(unescape(files.sigma['UC_ENCODED_POWERSHELL (Sigma)'].body)) as Array<{ detection: Record<string, unknown> }>;
    const spec = catalogue().find((h) => h.id === 'UC_ENCODED_POWERSHELL')!.sigma!;
    assert.deepEqual(doc.detection, { ...spec.detection, condition: spec.condition });
    // a counting hunt: base rule named for the correlation that follows it
    const docs = yamlDocs(unescape(files.sigma['UC_MFA_FATIGUE (Sigma)'].body)) as Array<Record<string, unknown>>;
    assert.equal(docs.length, 2);
    assert.deepEqual((docs[1].correlation as { rules: string[] }).rules, [docs[0].name]);
    const sk = files.sigma['UC_BEACONING (Sigma skeleton)'].body.join('\n');
    assert.match(sk, /TODO: it measures how regular/);
    for (const h of catalogue()) {
      const snippet = files.sigma[`${h.id} (${h.sigma ? 'Sigma' : 'Sigma skeleton'})`];
      assert.ok(snippet, h.id);
      if (!h.sigma) continue;
      const [rule] = yamlDocs(unescape(snippet.body)) as Array<{ detection: unknown; logsource: unknown }>;
      assert.deepEqual(rule.detection, { ...h.sigma.detection, condition: h.sigma.condition }, `${h.id}: the snippet expands to the catalogue's detection`);
    }
  });
});

describe('hunts in the editor: coverage words', () => {
  const rules: RuleFile[] = [
    { file: 'rules/a.yml', format: 'sigma', techniques: ['T1059.001'] },
    { file: 'rules/b.yml', format: 'sigma', techniques: ['T1059.001', 'T1218'] },
  ];
  it('marks covered techniques and parents partly covered through sub-techniques', () => {
    const m = coverageMarks(rules);
    assert.deepEqual([...m.covered].sort(), ['T1059.001', 'T1218']);
    assert.deepEqual([...m.partial], ['T1059']);
  });
  it('a hover line for covered, partly covered, parent-only and uncovered techniques', () => {
    assert.equal(coverageNote('T1059.001', rules), 'Covered by 2 rules in this workspace: `rules/a.yml`, `rules/b.yml`');
    assert.match(coverageNote('T1059', rules), /^Partly covered in this workspace: rules for T1059\.001/);
    assert.match(coverageNote('T1218.011', rules), /^Not covered by any rule in this workspace \(rules for the parent technique only: `rules\/b\.yml`\)/);
    assert.equal(coverageNote('T1490', rules), 'Not covered by any rule in this workspace');
  });
  it('the report lists each briefing\'s uncovered, partly covered and covered techniques with rule files', () => {
    const md = gapsReport([{ title: 'B1', path: 'briefings/b1.md', techniques: [{ id: 'T1490', name: 'Inhibit System Recovery' }, { id: 'T1059.001', name: 'PowerShell' }] }], rules, { files: 3, truncated: false, problems: 0 });
    assert.match(md, /Across 1 briefing: 1 not covered, 0 partly covered, 1 covered\./);
    assert.match(md, /## B1\n\n`briefings\/b1\.md` · 1 covered, 0 partly, 1 not covered/);
    assert.match(md, /\*\*Not covered \(1\)\*\*\n\n- T1490 Inhibit System Recovery/);
    assert.match(md, /- T1059\.001 PowerShell: `rules\/a\.yml`, `rules\/b\.yml`/);
  });
});
