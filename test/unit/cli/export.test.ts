import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BEHAVIOUR, BEHAVIOUR_SPEC, briefing } from '../exports/fixtures';
import { checkExport } from '../exports/check';
import { yamlDocs } from '../../support/formats';
import { runCli } from './capture';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ATTACK = ['--attack', path.join(ROOT, 'test', 'fixtures', 'attack', 'v17-mini.json')];

describe('cli export', function () {
  // the first tests load Microsoft's Kusto parser and compile the 57 STIX schemas: seconds on a busy 2-core machine
  this.timeout(90_000);
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-export-'));
    file = path.join(dir, 'briefing.json');
    writeFileSync(file, JSON.stringify(briefing(), null, 2));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is listed in --help with its usage', async () => {
    const help = await runCli(['--help']);
    assert.match(help.out, /\bexport\b/);
    assert.match(help.out, /\bcoverage\b/);
    assert.match((await runCli(['export', '--help'])).out, /--format sigma\|security_content\|sentinel/);
  });

  it('prints every exportable hunt as one YAML stream and says which hunts could not be exported', async () => {
    const r = await runCli(['export', file, '--format', 'sigma', ...ATTACK]);
    assert.equal(r.code, 0, r.err);
    const docs = yamlDocs(r.out);
    assert.equal(docs.length, 7, 'the IOC hunt gives one rule per log source; the behaviour hunts have no spec');
    assert.match(r.err, /not exported: UC_HIDDEN_SCRIPT_HOST cannot be expressed as a Sigma rule/);
    assert.match(r.err, /not exported: UC_BEACONING cannot be expressed/);
    const sc = await runCli(['export', file, '--format', 'security_content', ...ATTACK]);
    assert.equal(yamlDocs(sc.out).length, 3);
    const kql = await runCli(['export', file, '--format', 'kql', '--hunt', 'UC_BEACONING']);
    assert.equal(kql.code, 0);
    assert.ok(kql.out.startsWith('// Title: Regular outbound connections'));
    checkExport('kql', { ok: true, fileName: 'x.kql', text: kql.out });
  });

  it('uses a Sigma spec file for a behaviour hunt and ATT&CK data for tactic tags the briefing lacks', async () => {
    const spec = path.join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({ [BEHAVIOUR.id]: BEHAVIOUR_SPEC }));
    const r = await runCli(['export', file, '--format', 'sigma', '--hunt', BEHAVIOUR.id, '--sigma-spec', spec, '--author', 'Blue Team', ...ATTACK]);
    assert.equal(r.code, 0, r.err);
    const [doc] = checkExport('sigma', { ok: true, fileName: 'x.yml', text: r.out });
    assert.equal(doc.author, 'Blue Team');
    assert.ok((doc.tags as string[]).includes('attack.execution'));
    const single = path.join(dir, 'one.json');
    writeFileSync(single, JSON.stringify(BEHAVIOUR_SPEC));
    assert.equal((await runCli(['export', file, '--format', 'sigma', '--hunt', BEHAVIOUR.id, '--sigma-spec', single, ...ATTACK])).code, 0);
    assert.equal((await runCli(['export', file, '--format', 'sigma', '--sigma-spec', single])).code, 2, 'one spec, several hunts');
  });

  it('--out writes one file per hunt named for its repository, never overwrites without --force', async () => {
    const out = path.join(dir, 'out');
    const first = await runCli(['export', file, '--format', 'security_content', '--out', out, '--date', '2026-11-03', ...ATTACK]);
    assert.equal(first.code, 0, first.err);
    const names = readdirSync(out).sort();
    assert.deepEqual(names, ['indicators_from_the_article_seen_in_telemetry.yml', 'regular_outbound_connections_to_one_rare_destination.yml', 'script_host_launched_with_a_hidden_window_from_an_office_process.yml']);
    for (const n of names) checkExport('security_content', { ok: true, fileName: n, text: readFileSync(path.join(out, n), 'utf8') });
    const before = readFileSync(path.join(out, names[0]), 'utf8');
    const again = await runCli(['export', file, '--format', 'security_content', '--out', out, '--hunt', 'UC_BEACONING']);
    assert.equal(again.code, 1);
    assert.match(again.err, /already exists: .*regular_outbound_connections_to_one_rare_destination\.yml .*--force/);
    const forced = await runCli(['export', file, '--format', 'security_content', '--out', out, '--force', ...ATTACK]);
    assert.equal(forced.code, 0, forced.err);
    assert.notEqual(readFileSync(path.join(out, names[0]), 'utf8'), before, 'the date changed, so the file was rewritten');
    const sentinel = await runCli(['export', file, '--format', 'sentinel', '--out', out, ...ATTACK]);
    assert.equal(sentinel.code, 0, sentinel.err);
    assert.ok(readdirSync(out).includes('RegularOutboundConnectionsToOneRareDestination.yaml'));
  });

  it('dates rules today when the article is published after today, so contentctl accepts them', async () => {
    writeFileSync(file, JSON.stringify(briefing({ published: '2999-01-01' })));
    const r = await runCli(['export', file, '--format', 'security_content', '--hunt', 'UC_BEACONING']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /published 2999-01-01, after today/);
    const [doc] = checkExport('security_content', { ok: true, fileName: 'regular_outbound_connections_to_one_rare_destination.yml', text: r.out });
    assert.equal(doc.date, new Date().toISOString().slice(0, 10));
  });

  it('a catalogue behaviour hunt exports with its own Sigma detection (a correlation for a counting hunt)', async () => {
    const hunts = [
      { ...BEHAVIOUR, id: 'UC_ENCODED_POWERSHELL', title: 'PowerShell with an encoded command line' },
      { ...BEHAVIOUR, id: 'UC_MFA_FATIGUE', title: 'Repeated MFA prompts then a sign-in', techniques: ['T1621'] },
    ];
    writeFileSync(file, JSON.stringify(briefing({ hunts })));
    const r = await runCli(['export', file, '--format', 'sigma']);
    assert.equal(r.code, 0, r.err);
    const docs = yamlDocs(r.out) as Array<Record<string, unknown>>;
    assert.equal(docs.length, 3, 'one rule, then a base rule and its correlation');
    assert.deepEqual(docs[0].logsource, { category: 'process_creation', product: 'windows' });
    assert.deepEqual(docs[1].logsource, { product: 'azure', service: 'signinlogs' });
    assert.equal((docs[2].correlation as { type: string }).type, 'event_count');
    const shown = await runCli(['hunts', 'show', 'UC_ENCODED_POWERSHELL']);
    assert.match(shown.out, /\*\*Sigma detection:\*\*\n\n```yaml\nlogsource:\n {4}category: process_creation/);
    assert.match((await runCli(['hunts', 'show', 'UC_BEACONING'])).out, /\*\*Sigma:\*\* not expressible: it measures/);
  });

  it('nothing exportable exits non-zero with the reason', async () => {
    const r = await runCli(['export', file, '--format', 'sigma', '--hunt', 'UC_BEACONING']);
    assert.equal(r.code, 1);
    assert.match(r.err, /UC_BEACONING cannot be expressed as a Sigma rule: .*interval statistics/, 'the catalogue\'s own reason');
    const out = await runCli(['export', file, '--format', 'sigma', '--hunt', 'UC_BEACONING', '--out', path.join(dir, 'o')]);
    assert.equal(out.code, 1);
  });

  it('IOCs as STIX and CSV, all of them or those of the chosen hunts', async () => {
    const stix = await runCli(['export', file, '--format', 'stix']);
    assert.equal(stix.code, 0, stix.err);
    checkExport('stix', { ok: true, fileName: 'b.json', text: stix.out });
    const csv = await runCli(['export', file, '--format', 'csv', '--out', path.join(dir, 'c')]);
    assert.equal(csv.code, 0, csv.err);
    const [name] = readdirSync(path.join(dir, 'c'));
    assert.match(name, /\.iocs\.csv$/);
    const rows = checkExport('csv', { ok: true, fileName: name, text: readFileSync(path.join(dir, 'c', name), 'utf8') });
    assert.equal(rows.length, 17);
    const none = await runCli(['export', file, '--format', 'csv', '--hunt', 'UC_BEACONING']);
    assert.equal(none.code, 1, 'the beaconing hunt carries no IOCs');
  });

  it('reads broken or hand-edited briefings with a clear error', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "id": "x",\n  "title": "t",\n  "hunts": [ }\n');
    let r = await runCli(['export', bad, '--format', 'kql']);
    assert.equal(r.code, 1);
    assert.match(r.err, /bad\.json is not valid JSON.*Unexpected token/);
    assert.ok(!/\n\s+at /.test(r.err), 'no stack trace');
    writeFileSync(bad, JSON.stringify({ id: 'x', title: 't', hunts: [{ id: 'UC_A' }] }));
    r = await runCli(['export', bad, '--format', 'kql']);
    assert.match(r.err, /hunts\[0\]\.title must be a non-empty string/);
    writeFileSync(bad, JSON.stringify([1, 2]));
    assert.match((await runCli(['export', bad, '--format', 'kql'])).err, /not a briefing/);
    writeFileSync(bad, JSON.stringify({ ...briefing(), iocs: [{ type: 'hash', value: 'x' }] }));
    assert.match((await runCli(['export', bad, '--format', 'csv'])).err, /iocs\[0\] needs a type/);
    assert.match((await runCli(['export', path.join(dir, 'missing.json'), '--format', 'kql'])).err, /cannot read .*missing\.json: no such file/);
    assert.match((await runCli(['export', file, '--format', 'kql', '--hunt', 'UC_NOPE'])).err, /no hunt 'UC_NOPE' \(its hunts: UC_HIDDEN_SCRIPT_HOST, UC_IOC_MIXED, UC_BEACONING\)/);
    assert.equal((await runCli(['export', file, '--format', 'pdf'])).code, 2);
    assert.equal((await runCli(['export', file])).code, 2);
    assert.equal((await runCli(['export', file, '--format', 'kql', '--date', 'soon'])).code, 2);
    // hand edits that drop optional fields still export
    const slim = path.join(dir, 'slim.json');
    writeFileSync(slim, JSON.stringify({ id: 'tb-1', title: 'Slim', published: '2026-10-01', hunts: [{ id: 'UC_X', title: 'X hunt', kql: 'DeviceProcessEvents\n| take 10' }] }));
    const ok = await runCli(['export', slim, '--format', 'sentinel']);
    assert.equal(ok.code, 0, ok.err);
    checkExport('sentinel', { ok: true, fileName: 'XHunt.yaml', text: ok.out });
  });
});

describe('cli coverage', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tb-coverage-'));
    const repo = path.join(dir, 'repo');
    const w = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
      writeFileSync(path.join(repo, rel), text);
    };
    w('sigma/proc_creation_win_ps.yml', 'title: PS\nlogsource:\n    category: process_creation\ndetection:\n    sel:\n        Image|endswith: \\powershell.exe\n    condition: sel\ntags:\n    - attack.execution\n    - attack.t1059.001\n---\ntitle: second\nlogsource: {product: windows}\ndetection: {sel: {a: b}, condition: sel}\ntags: [attack.t1566]\n');
    w('detections/endpoint/user_exec.yml', 'name: User Exec\ntags:\n  mitre_attack_id:\n  - T1204\n');
    w('Hunting Queries/web.yaml', 'id: 1\nname: Web\nquery: x\nrelevantTechniques:\n  - T1071.001\n');
    w('queries/c2.kql', '// Title: C2 tools\n// Techniques: T1105\nDeviceNetworkEvents | take 1 // T1190 not in the header\n');
    w('queries/exec.spl', '```\nTechniques: T1059.005\n```\n| tstats count from datamodel=Endpoint.Processes\n');
    w('queries/late.spl', '| tstats count from datamodel=Endpoint.Processes ```T1003```\n');
    w('broken/bad.yml', 'title: [unclosed\n  detection: {\n');
    w('node_modules/pkg/rule.yml', 'title: x\nlogsource: {}\ndetection: {condition: x}\ntags: [attack.t1105]\n');
    w('.git/rule.yml', 'tags: {mitre_attack_id: [T1003]}\n');
    w('other/config.yml', 'name: CI\non: push\n');
    symlinkSync(repo, path.join(repo, 'loop'));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify(briefing({
      techniques: [
        { id: 'T1059', name: 'Command and Scripting Interpreter', tactics: ['Execution'], confidence: 'high', evidence: ['x'], method: 'phrase' },
        { id: 'T1204.002', name: 'User Execution: Malicious File', tactics: ['Execution'], confidence: 'high', evidence: ['x'], method: 'phrase' },
        { id: 'T1071.001', name: 'Web Protocols', tactics: ['Command and Control'], confidence: 'high', evidence: ['x'], method: 'phrase' },
      ],
      hunts: [{ ...BEHAVIOUR, techniques: ['T1105', 'T1059.005', 'T1003'] }],
    })));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports covered, partial (saying which sub-techniques) and uncovered techniques, and broken files', async () => {
    const r = await runCli(['coverage', '--repo', path.join(dir, 'repo'), path.join(dir, 'b.json'), '--json']);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.repo.rules, 6);
    assert.deepEqual(j.repo.problems.map((p: { file: string }) => p.file), ['broken/bad.yml']);
    const [c] = j.briefings;
    assert.deepEqual(c.covered, ['T1059.005', 'T1071.001', 'T1105']);
    assert.deepEqual(c.partial, ['T1059']);
    assert.deepEqual(c.partialVia, { T1059: ['T1059.001', 'T1059.005'] });
    assert.deepEqual(c.uncovered, ['T1003', 'T1204.002']);
    assert.deepEqual(c.parentOnly, { 'T1204.002': ['detections/endpoint/user_exec.yml'] });
    assert.deepEqual(c.rules['T1071.001'], ['Hunting Queries/web.yaml']);
    assert.deepEqual(c.rules.T1059, ['queries/exec.spl', 'sigma/proc_creation_win_ps.yml']);
    assert.match(r.err, /warning: broken\/bad\.yml: not valid YAML/);
    const again = await runCli(['coverage', '--repo', path.join(dir, 'repo'), path.join(dir, 'b.json'), '--json']);
    assert.equal(again.out, r.out, 'deterministic');
  });

  it('prints a readable summary, and refuses a missing repo or briefing', async () => {
    const r = await runCli(['coverage', '--repo', path.join(dir, 'repo'), path.join(dir, 'b.json')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /partial \(1\):\n {4}T1059 {2}only sub-techniques have rules: T1059\.001, T1059\.005/);
    assert.match(r.out, /T1204\.002 {2}a rule for the parent T1204 exists/);
    assert.equal((await runCli(['coverage', '--repo', path.join(dir, 'nope'), path.join(dir, 'b.json')])).code, 1);
    assert.equal((await runCli(['coverage', path.join(dir, 'b.json')])).code, 2);
    assert.equal((await runCli(['coverage', '--repo', path.join(dir, 'repo')])).code, 2);
  });
});
