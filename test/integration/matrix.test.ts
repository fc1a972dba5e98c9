import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

// The layer is checked with the shared schema: point the shared-folder lookup at ../shared beside the repository
// (this file runs bundled from dist/, so its own location says nothing about where the repository is).
process.env.THREAT_BRIEFINGS_SHARED ??= path.join(process.env.TB_REPO_ROOT!, '..', 'shared');
import { navigatorLayerErrors } from '../support/navigator';

interface Model {
  columns: Array<{ tactic: { shortname: string }; techniques: Array<{ id: string; count: number; subs: Array<{ id: string; count: number }> }> }>;
  briefings: Array<{ key: string; title: string }>;
  undated: number;
  undatedExcluded: boolean;
}
interface MatrixApi {
  state(): { open: boolean; model?: Model; rendered?: string[]; current?: boolean; localResourceRoots?: string[] };
  settledRender(ms?: number): Promise<string[]>;
  receive(m: unknown): Promise<void>;
}

const FIXTURE_IDS = ['T1053.005', 'T1059.001', 'T1190', 'T1486', 'T1547.001', 'T1566.001'];

async function until<T>(what: string, fn: () => T | undefined, ms = 30000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('ATT&CK matrix view', () => {
  let api: MatrixApi;
  const cfg = () => vscode.workspace.getConfiguration('threatBriefings');

  before(async () => {
    const ext = vscode.extensions.getExtension('threat-briefings.threat-briefings')!;
    api = ((await ext.activate()) as { matrix: MatrixApi }).matrix;
    // Fixture briefings (made by the CLI from three short articles) live in their own folder, so other tests'
    // briefings do not change these counts.
    await cfg().update('briefingsFolder', 'matrix-briefings', vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await cfg().update('briefingsFolder', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('opens from its command and the page renders the fixture techniques, rolled up into their parents', async () => {
    await vscode.commands.executeCommand('threatBriefings.showMatrix');
    const rendered = await until('the page to report a render', () => api.state().rendered);
    for (const id of [...FIXTURE_IDS, 'T1053', 'T1059', 'T1547', 'T1566']) assert.ok(rendered.includes(id), `${id} rendered (got ${rendered.join(' ')})`);
    const state = api.state();
    assert.equal(state.open, true);
    assert.deepEqual(state.localResourceRoots?.map((u) => u.replace(/^.*\//, '')), ['media']);
    const model = state.model!;
    assert.equal(model.columns[0].tactic.shortname, 'reconnaissance', 'kill-chain order');
    assert.equal(model.columns.at(-1)!.tactic.shortname, 'impact');
    const execution = model.columns.find((c) => c.tactic.shortname === 'execution')!;
    const interp = execution.techniques.find((t) => t.id === 'T1059')!;
    assert.equal(interp.count, 2);
    assert.equal(interp.subs.find((s) => s.id === 'T1059.001')!.count, 2);
    assert.equal(model.briefings.length, 3);
    assert.equal(model.undated, 1);
  });

  it('filters by minimum severity and by date range (undated briefings drop out and are counted)', async () => {
    // receive() returns once the filtered model is posted; settledRender() waits for the page to draw it (a render
    // of an older model, such as one a file watcher asked for, does not count).
    await api.receive({ type: 'filter', filter: { minSeverity: 'MED' } });
    let rendered = await api.settledRender();
    assert.ok(!rendered.includes('T1547.001'), 'the LOW briefing is filtered out');
    assert.ok(rendered.includes('T1486'));
    await api.receive({ type: 'filter', filter: { from: '2026-10-15', to: '2026-11-30' } });
    rendered = await api.settledRender();
    assert.deepEqual(api.state().model!.briefings.map((b) => b.title), ['Lantern Spider returns with invoice lures']);
    assert.ok(!rendered.includes('T1486'), 'the undated briefing is left out by a date range');
    assert.equal(api.state().model!.undatedExcluded, true);
    assert.equal(api.state().model!.undated, 1);
    await api.receive({ type: 'filter', filter: {} });
    const all = await api.settledRender();
    for (const id of ['T1486', 'T1547', 'T1547.001']) assert.ok(all.includes(id), `${id} back without a filter (rendered: ${all.join(' ')})`);
    assert.equal(api.state().current, true);
  });

  it('opens a listed briefing, and ignores forged or malformed messages', async () => {
    const listed = api.state().model!.briefings.find((b) => b.title.startsWith('Quiet'))!;
    await api.receive({ type: 'open', key: '../../../etc/passwd' });
    await api.receive({ type: 'open', key: 'not/listed.md' });
    await api.receive({ type: 'runCommand', command: 'workbench.action.quit' });
    assert.ok(!vscode.window.activeTextEditor || !/passwd|listed\.md/.test(vscode.window.activeTextEditor.document.fileName));
    await api.receive({ type: 'open', key: listed.key });
    const editor = await until('the briefing to open', () => vscode.window.visibleTextEditors.find((e) => e.document.fileName.endsWith(path.basename(listed.key))));
    assert.match(editor.document.getText(), /Quiet loader adds a Run key/);
  });

  it('exports an ATT&CK Navigator layer that validates against the 4.5 schema', async () => {
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'matrix-layer.json');
    const written = await vscode.commands.executeCommand<vscode.Uri>('threatBriefings.exportNavigatorLayer', { minSeverity: 'LOW' }, target);
    assert.equal(written?.toString(), target.toString());
    const layer = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { techniques: Array<{ techniqueID: string; score: number; comment: string }> };
    assert.deepEqual(navigatorLayerErrors(layer), []);
    const scores = Object.fromEntries(layer.techniques.map((t) => [t.techniqueID, t.score]));
    assert.deepEqual(Object.keys(scores).sort(), FIXTURE_IDS);
    assert.equal(scores['T1059.001'], 2);
    assert.equal(scores['T1566.001'], 2);
    assert.match(layer.techniques.find((t) => t.techniqueID === 'T1486')!.comment, /Advisory: ransomware crew encrypts file servers \(MED, undated\)/);
    const medOnly = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'matrix-layer-med.json');
    await vscode.commands.executeCommand('threatBriefings.exportNavigatorLayer', { minSeverity: 'MED' }, medOnly);
    const med = JSON.parse(fs.readFileSync(medOnly.fsPath, 'utf8')) as { techniques: Array<{ techniqueID: string }> };
    assert.ok(!med.techniques.some((t) => t.techniqueID === 'T1547.001'));
    assert.deepEqual(navigatorLayerErrors(med), []);
  });
});
