// Hunts into the editor and the detection repository, in the real VS Code host: Insert Hunt into .kql/.spl files,
// Add Hunt to Detection Repository into fixture Sigma and security_content repos (never overwriting), CodeLens on a
// briefing, hunt-ID hover, snippets, and coverage marks in the tree. Fixtures live in their own sub-folders
// (detections-sigma/, detections-sc/, hunts-repo-scratch/) and assertions ignore other tests' briefings.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { briefLoaded } from '../../src/engine/brief';
import { attackKnowledge } from '../../src/engine/attack/knowledge';
import { loadAttackIndex } from '../../src/engine/attack/lookup';
import { listedHunt } from '../../src/engine/hunts/listing';
import type { Briefing } from '../../src/engine/model';
import { BriefingStore } from '../../src/engine/store/store';
import { nodeStoreFs } from '../../src/engine/store/nodeFs';

type TreeNode = { kind: string; label?: string; value?: string; stored?: { briefing: Briefing }; entry?: { summary: { title: string } } };
type Api = {
  tree: { getChildren(n?: unknown): Promise<TreeNode[]>; getTreeItem(n: unknown): vscode.TreeItem; refresh(): void };
  coverage: { rescan(): Promise<void> };
};

const TITLE = 'Hunts-repo fixture: a loader that abuses rundll32';
const ARTICLE = {
  title: TITLE, source: 'Hunts Repo Labs', published: '2026-09-09', format: 'text' as const,
  text: 'The operators ran the loader through rundll32 with an exported function [T1218.011].\n\n' +
    'They then deleted shadow copies with vssadmin delete shadows to stop recovery [T1490].\n\n' +
    'Indicators of compromise\n\nSHA256: 7d3c1a7e9b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d9f\n',
};

const ws = () => vscode.workspace.workspaceFolders![0].uri;
const rel = (...p: string[]) => vscode.Uri.joinPath(ws(), ...p);
const read = async (u: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u));

describe('hunts into the editor and the detection repository', function () {
  this.timeout(120000);
  let api: Api;
  let briefing: Briefing;
  let jsonRel: string;
  let mdUri: vscode.Uri;

  before(async () => {
    api = (await vscode.extensions.getExtension('threat-briefings.threat-briefings')!.activate()) as Api;
    const root = path.join(ws().fsPath, 'briefings');
    const store = new BriefingStore(nodeStoreFs(root));
    const r = briefLoaded(ARTICLE, { attack: attackKnowledge(loadAttackIndex()) });
    const w = await store.write(r.briefing, r.markdown, r.json, { today: '2026-12-01', force: true, replace: true });
    assert.ok('markdownPath' in w, JSON.stringify(w));
    briefing = r.briefing;
    const md = (w as { markdownPath: string }).markdownPath;
    jsonRel = `briefings/${md.replace(/\.md$/, '.json')}`;
    mdUri = rel('briefings', ...md.split('/'));
    api.tree.refresh();
    await api.coverage.rescan();
  });

  async function editorWith(name: string, content: string, line: number, ch: number): Promise<vscode.TextEditor> {
    const uri = rel('hunts-repo-scratch', name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    const ed = await vscode.window.showTextDocument(uri);
    ed.selection = new vscode.Selection(line, ch, line, ch);
    return ed;
  }

  it('inserts the KQL of a catalogue hunt at the cursor of a .kql file', async () => {
    const ed = await editorWith('insert.kql', '// before\n\n// after\n', 1, 0);
    const r = (await vscode.commands.executeCommand('threatBriefings.insertHunt', { hunt: 'UC_ENCODED_POWERSHELL' })) as { inserted: boolean; kind: string };
    assert.deepEqual([r.inserted, r.kind], [true, 'kql']);
    const kql = listedHunt('UC_ENCODED_POWERSHELL')!.kql;
    assert.equal(ed.document.getText(), `// before\n${kql}\n\n// after\n`);
  });

  it('inserts the SPL of a briefing hunt (resolved from its JSON) into a .spl file', async () => {
    const hunt = briefing.hunts.find((h) => h.kind === 'behaviour') ?? briefing.hunts[0];
    const ed = await editorWith('insert.spl', 'index=main\n', 1, 0);
    const r = (await vscode.commands.executeCommand('threatBriefings.insertHunt', { hunt: hunt.id, briefingJson: jsonRel })) as { inserted: boolean; kind: string };
    assert.deepEqual([r.inserted, r.kind], [true, 'spl']);
    assert.equal(ed.document.getText(), `index=main\n${hunt.spl}\n`);
    assert.ok(hunt.spl.trim().length > 20);
  });

  it('adds an IOC hunt as a Sigma rule under rules/windows/process_creation/ and never overwrites it', async () => {
    const hunt = briefing.hunts.find((h) => h.kind === 'ioc' && /HASH/.test(h.id));
    assert.ok(hunt, `an IOC hash hunt in ${briefing.hunts.map((h) => h.id).join(', ')}`);
    const existing = rel('detections-sigma', 'rules', 'windows', 'process_creation', 'proc_creation_win_rundll32_no_args.yml');
    const before = await read(existing);
    const args = { hunt: hunt.id, briefingJson: jsonRel, format: 'sigma', ask: false };
    const r = (await vscode.commands.executeCommand('threatBriefings.exportHunt', args)) as { status: string; uri: string };
    assert.equal(r.status, 'written', JSON.stringify(r));
    const written = vscode.Uri.parse(r.uri);
    assert.equal(path.posix.dirname(vscode.workspace.asRelativePath(written)), 'detections-sigma/rules/windows/process_creation');
    const text = await read(written);
    assert.match(text, /logsource:\s+category: process_creation\s+product: windows/);
    // The same hunt again: the file exists, so nothing is written.
    const again = (await vscode.commands.executeCommand('threatBriefings.exportHunt', args)) as { status: string };
    assert.equal(again.status, 'exists');
    assert.equal(await read(written), text);
    // A target naming the fixture's own rule: reported, untouched.
    const clash = (await vscode.commands.executeCommand('threatBriefings.exportHunt', { ...args, target: vscode.workspace.asRelativePath(existing) })) as { status: string };
    assert.equal(clash.status, 'exists');
    assert.equal(await read(existing), before);
  });

  it('adds a behaviour hunt of the briefing as a Sigma rule with its catalogue detection, under its log source', async () => {
    const hunt = briefing.hunts.find((h) => h.id === 'UC_RUNDLL32_UNUSUAL_DLL');
    assert.ok(hunt, `the rundll32 hunt in ${briefing.hunts.map((h) => h.id).join(', ')}`);
    const r = (await vscode.commands.executeCommand('threatBriefings.exportHunt', { hunt: hunt.id, briefingJson: jsonRel, format: 'sigma', ask: false })) as { status: string; uri: string };
    assert.equal(r.status, 'written', JSON.stringify(r));
    const written = vscode.Uri.parse(r.uri);
    assert.equal(path.posix.dirname(vscode.workspace.asRelativePath(written)), 'detections-sigma/rules/windows/process_creation');
    const text = await read(written);
    assert.match(text, /logsource:\s+category: process_creation\s+product: windows/);
    assert.match(text, /selection_img:[\s\S]*Image\|endswith: '?\\rundll32\.exe/);
    assert.match(text, /condition: selection_img and \(/);
    assert.match(text, /- attack\.t1218\.011/);
    // leave the workspace's coverage as the later tests expect it (one rundll32 rule)
    await vscode.workspace.fs.delete(written);
    await api.coverage.rescan();
  });

  it('says why a behaviour hunt Sigma cannot express is not written', async () => {
    const r = (await vscode.commands.executeCommand('threatBriefings.exportHunt', { hunt: 'UC_BEACONING', format: 'sigma', ask: false })) as { status: string; reason: string };
    assert.equal(r.status, 'unsupported');
    assert.match(r.reason, /UC_BEACONING cannot be a Sigma rule.*interval statistics/);
  });

  it('adds a catalogue hunt to security_content detections/endpoint/ beside the existing detection', async () => {
    const existing = rel('detections-sc', 'detections', 'endpoint', 'existing_fixture_detection.yml');
    const before = await read(existing);
    const r = (await vscode.commands.executeCommand('threatBriefings.exportHunt', { hunt: 'UC_ENCODED_POWERSHELL', format: 'security_content', ask: false })) as { status: string; uri: string };
    assert.equal(r.status, 'written', JSON.stringify(r));
    assert.equal(path.posix.dirname(vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri))), 'detections-sc/detections/endpoint');
    assert.match(await read(vscode.Uri.parse(r.uri)), /mitre_attack_id:\n\s*- T1059\.001/);
    assert.equal(await read(existing), before);
  });

  it('shows Insert SPL / Insert KQL / Add to repository… lenses above each hunt of the briefing', async () => {
    const doc = await vscode.workspace.openTextDocument(mdUri);
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri)) as vscode.CodeLens[];
    const titles = lenses.map((l) => l.command?.title);
    assert.equal(titles.filter((t) => t === 'Insert SPL').length, briefing.hunts.length, titles.join());
    assert.ok(titles.includes('Insert KQL') && titles.includes('Add to repository…'));
    const first = lenses.find((l) => l.command?.title === 'Insert SPL')!;
    assert.match(doc.lineAt(first.range.start.line).text, /^### /);
  });

  it('hovers a hunt ID with what it looks for, its techniques and, in the briefing, why it fired', async () => {
    const doc = await vscode.workspace.openTextDocument(mdUri);
    const hunt = briefing.hunts[0];
    const line = [...Array(doc.lineCount).keys()].find((i) => doc.lineAt(i).text.startsWith('`' + hunt.id + '`'))!;
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 3))) as vscode.Hover[];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /Why it fired here/);
    assert.match(text, /command:threatBriefings\.insertHunt/);
    // Any other file: the catalogue's description, technique names from the ATT&CK index.
    const note = await vscode.workspace.openTextDocument({ content: 'see UC_ENCODED_POWERSHELL here', language: 'plaintext' });
    const h2 = (await vscode.commands.executeCommand('vscode.executeHoverProvider', note.uri, new vscode.Position(0, 8))) as vscode.Hover[];
    const t2 = h2.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(t2, /T1059\.001 PowerShell/);
    assert.doesNotMatch(t2, /Why it fired here/);
  });

  it('completes hunt IDs after UC_ and offers tb- snippets in .kql and .spl files', async () => {
    const note = await vscode.workspace.openTextDocument({ content: 'UC_ENC', language: 'plaintext' });
    const ids = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', note.uri, new vscode.Position(0, 6))) as vscode.CompletionList;
    assert.ok(ids.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'UC_ENCODED_POWERSHELL'));
    for (const name of ['snip.kql', 'snip.spl']) {
      const ed = await editorWith(name, 'tb-enc', 0, 6);
      const list = (await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', ed.document.uri, new vscode.Position(0, 6))) as vscode.CompletionList;
      const snip = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && (typeof i.label === 'string' ? i.label : i.label.label).startsWith('tb-encoded-powershell'));
      assert.ok(snip, `${name} (${ed.document.languageId}): ${list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).slice(0, 5).join()}`);
    }
  });

  it('marks the briefing\'s techniques covered or not covered by the workspace rules', async () => {
    const items = new Map<string, string>();
    const walk = async (n?: unknown): Promise<void> => {
      for (const c of await api.tree.getChildren(n)) {
        if (c.kind === 'group' || (c.kind === 'briefing' && c.entry?.summary.title === TITLE) || (c.kind === 'section' && c.label === 'Techniques') || c.kind === 'tacticGroup') await walk(c);
        else if (c.kind === 'technique' && c.stored?.briefing.title === TITLE) items.set(c.value!, String(api.tree.getTreeItem(c).description));
      }
    };
    await walk();
    assert.match(items.get('T1218.011') ?? '', /· covered$/, JSON.stringify([...items]));
    assert.match(items.get('T1490') ?? '', /not covered/, JSON.stringify([...items]));
    // The technique hover says the same.
    const doc = await vscode.workspace.openTextDocument({ content: 'T1218.011 and T1490', language: 'plaintext' });
    const hoverText = async (ch: number) => ((await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, ch))) as vscode.Hover[])
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(await hoverText(2), /Covered by 1 rule in this workspace: `detections-sigma\/rules\/windows\/process_creation\/proc_creation_win_rundll32_no_args\.yml`/);
    assert.match(await hoverText(16), /Not covered by any rule in this workspace/);
    const report = (await vscode.commands.executeCommand('threatBriefings.showCoverageGaps')) as vscode.TextDocument;
    assert.match(report.getText(), /## Hunts-repo fixture[^\n]*\n[\s\S]*Not covered[\s\S]*T1490[\s\S]*Covered[\s\S]*T1218\.011[^\n]*proc_creation_win_rundll32_no_args\.yml/);
  });
});
