import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';

const ws = () => vscode.workspace.workspaceFolders![0].uri;

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(ws(), name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

async function waitFor<T>(fn: () => T | undefined, ms = 15000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('MITRE ATT&CK® editor features', () => {
  before(async () => {
    await vscode.extensions.getExtension('threat-briefings.threat-briefings')!.activate();
  });

  it('hovers a technique ID in Markdown with name, tactics, link and detection guidance', async () => {
    const doc = await open('notes.md');
    const line = doc.lineAt(2).text;
    const pos = new vscode.Position(2, line.indexOf('T1059.001') + 3);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
    assert.match(text, /PowerShell/);
    assert.match(text, /Execution/);
    assert.match(text, /attack\.mitre\.org\/techniques\/T1059\/001/);
  });

  it('hovers tactic, group, software and mitigation IDs', async () => {
    const doc = await open('notes.md');
    const line = doc.lineAt(2).text;
    for (const [id, expect] of [['TA0002', /Execution/], ['G0016', /APT29/], ['S0002', /Mimikatz/], ['M1038', /Execution Prevention/]] as const) {
      const pos = new vscode.Position(2, line.indexOf(id) + 2);
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
      assert.match(text, expect, `${id} hover`);
    }
  });

  it('hovers a Sigma attack.t1059.001 tag in YAML and says an unknown newer ID is not in the loaded version', async () => {
    const doc = await open('detections.yml');
    const l = doc.lineAt(4).text;
    assert.ok(l.includes('attack.t1059.001'));
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, l.indexOf('t1059') + 2)));
    assert.match(text, /PowerShell/);
    const md = await open('notes.md');
    const l2 = md.lineAt(4).text;
    const t2 = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', md.uri, new vscode.Position(4, l2.indexOf('T1685') + 2)));
    assert.match(t2, /not in the loaded MITRE ATT&CK® version/);
  });

  it('completes technique IDs and Sigma tags', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'tags:\n  - attack.t1059\n  - T1059.00\n' });
    const sigma = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 'tags:\n  - attack.t1059'.length - 6));
    const labels = sigma.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('t1059.001'), 'Sigma tag form offered');
    const plain = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(2, '  - T1059.00'.length));
    assert.ok(plain.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'T1059.001'));
  });

  it('warns on a revoked ID and the quick fix replaces it with its successor', async () => {
    const doc = await open('detections.yml');
    const diags = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.code === 'retired-attack-id');
      return d.length ? d : undefined;
    });
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /T1086.*revoked.*T1059\.001/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diags[0].range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /T1059\.001/.test(a.title));
    assert.ok(fix?.edit, 'quick fix offered');
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.match(doc.getText(), /attack\.t1059\.001\n\s*- attack\.t1059\.001|attack\.t1059\.001[\s\S]*attack\.t1059\.001/);
    assert.ok(!doc.getText().includes('attack.t1086'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('fixture paths are real', () => {
    assert.equal(path.basename(ws().fsPath), 'workspace');
  });
});

describe('Load ATT&CK Data…', () => {
  const repo = process.env.TB_REPO_ROOT!;
  after(async () => {
    await vscode.commands.executeCommand('threatBriefings.loadAttackData', { reset: true });
  });

  it('builds an index from a user-picked STIX bundle, uses it for hovers, and goes back to the bundled data', async () => {
    const version = await vscode.commands.executeCommand<string>('threatBriefings.loadAttackData', path.join(repo, 'test', 'fixtures', 'attack', 'v17-mini.json'));
    assert.equal(version, '17.1');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See T1059.001 here.' });
    const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 6)));
    const v17 = await hover();
    assert.match(v17, /v17\.1/);
    assert.match(v17, /script block logging/i, 'pre-v18 x_mitre_detection text is shown');
    await vscode.commands.executeCommand('threatBriefings.loadAttackData', { reset: true });
    assert.match(await hover(), /v18\.1/);
  });
});
