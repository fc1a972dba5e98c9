// The Briefings tree in the real VS Code host: every grouping, the filter, IOC/technique children, click to reveal,
// context actions, and the file watcher picking up briefings written outside the editor.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { briefLoaded } from '../../src/engine/brief';
import { attackKnowledge } from '../../src/engine/attack/knowledge';
import { loadAttackIndex } from '../../src/engine/attack/lookup';
import type { Article } from '../../src/engine/model';
import { BriefingStore } from '../../src/engine/store/store';
import { nodeStoreFs } from '../../src/engine/store/nodeFs';

type TreeNode = { kind: string; label?: string; items?: unknown[]; type?: string };
type Api = {
  tree: {
    getChildren(n?: unknown): Promise<TreeNode[]>;
    getTreeItem(n: unknown): vscode.TreeItem;
    refresh(): void;
    onDidChangeTreeData: vscode.Event<unknown>;
  };
};

const ARTICLES: Article[] = [
  {
    title: 'Tree fixture: an undated advisory without a source', source: '', format: 'text',
    text: 'The threat actor sent spearphishing emails and then used PowerShell to run an encoded command.\n\n' +
      'The backdoor connects to its C2 server at tree-fixture-c2[.]top and to 91.214.124.19 [T1071.001].\n\n' +
      'Indicators of compromise\n\nSHA256: 0f3c1a7e9b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e\n',
  },
  {
    title: 'Tree fixture: a dated ransomware report', source: 'Example Labs', published: '2023-06-14', format: 'text',
    text: 'The ransomware operators deleted shadow copies with vssadmin and encrypted files on every host [T1486] [T1490].\n\n' +
      'They moved laterally over RDP [T1021.001] and staged data before exfiltration to a server at 203.0.113.77.\n',
  },
];

describe('Briefings tree', function () {
  this.timeout(120000);
  let api: Api;
  let root: string;
  const cfg = () => vscode.workspace.getConfiguration('threatBriefings');

  before(async () => {
    api = (await vscode.extensions.getExtension('threat-briefings.threat-briefings')!.activate()) as Api;
    root = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'briefings');
    const store = new BriefingStore(nodeStoreFs(root));
    const attack = attackKnowledge(loadAttackIndex());
    for (const a of ARTICLES) {
      const r = briefLoaded(a, { attack });
      await store.write(r.briefing, r.markdown, r.json, { today: '2026-12-01', force: true, replace: true });
    }
    api.tree.refresh();
  });
  after(async () => {
    await cfg().update('tree.groupBy', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('threatBriefings.clearFilter');
  });

  async function groupLabels(by: string): Promise<string[]> {
    await cfg().update('tree.groupBy', by, vscode.ConfigurationTarget.Workspace);
    // The tree regroups on the configuration event, which may land just after update() resolves: ask again briefly.
    let labels: string[] = [];
    for (let i = 0; i < 50; i++) {
      labels = (await api.tree.getChildren()).filter((n) => n.kind === 'group').map((n) => n.label ?? '');
      if (labels.length && cfg().get('tree.groupBy') === by) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return labels;
  }

  it('groups by date with an Undated group, by severity, source, tactic and technique', async () => {
    const byDate = await groupLabels('date');
    assert.ok(byDate.includes('Undated') && byDate.includes('2023-06-14'), byDate.join());
    assert.equal(byDate[byDate.length - 1], 'Undated', 'undated last, never under the generation date');
    assert.ok(!byDate.includes('2026-12-01'));
    assert.ok((await groupLabels('severity')).length >= 1);
    assert.ok((await groupLabels('source')).includes('Example Labs'));
    const tactics = await groupLabels('tactic');
    assert.ok(tactics.indexOf('Lateral Movement') < tactics.indexOf('Impact') && tactics.includes('Impact'), `kill-chain order: ${tactics.join()}`);
    assert.ok((await groupLabels('technique')).includes('T1486'));
  });

  it('describes a briefing without empty parts and pluralises its tooltip counts', async () => {
    await cfg().update('tree.groupBy', 'date', vscode.ConfigurationTarget.Workspace);
    const undated = (await api.tree.getChildren()).find((n) => n.label === 'Undated')!;
    const item = api.tree.getTreeItem((await api.tree.getChildren(undated))[0]);
    assert.equal(item.description, '', 'no source, no date: no " ·  · "');
    const tip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /\b\d+ IOCs? · \d+ techniques? · \d+ hunts?\b/);
    assert.ok(!/\b1 IOCs\b|\b1 techniques\b/.test(tip));
  });

  it('expands IOCs by type and techniques by tactic; clicking an IOC reveals it in the briefing; copy actions work', async () => {
    await cfg().update('tree.groupBy', 'source', vscode.ConfigurationTarget.Workspace);
    const unknown = (await api.tree.getChildren()).find((n) => n.label === 'Unknown source')!;
    const briefing = (await api.tree.getChildren(unknown)).find((n) => String(api.tree.getTreeItem(n).label).startsWith('Tree fixture: an undated'))!;
    const sections = await api.tree.getChildren(briefing);
    const iocs = sections.find((s) => s.label === 'IOCs')!;
    const types = await api.tree.getChildren(iocs);
    assert.ok(types.every((t) => t.kind === 'iocType'), JSON.stringify(types.map((t) => t.type)));
    const ipType = types.find((t) => t.type === 'ipv4')!;
    assert.equal(api.tree.getTreeItem(ipType).description, '1');
    const ip = (await api.tree.getChildren(ipType))[0];
    const item = api.tree.getTreeItem(ip);
    assert.equal(item.contextValue, 'ioc');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const ed = vscode.window.activeTextEditor!;
    assert.ok(ed.document.uri.fsPath.endsWith('.md'));
    assert.equal(ed.document.getText(ed.selection), '91.214.124[.]19');
    await vscode.commands.executeCommand('threatBriefings.copyDefanged', ip);
    assert.equal(await vscode.env.clipboard.readText(), '91.214.124[.]19');
    await vscode.commands.executeCommand('threatBriefings.copyValue', ip);
    assert.equal(await vscode.env.clipboard.readText(), '91.214.124.19');
    await vscode.commands.executeCommand('threatBriefings.copyIocsOfType', ipType);
    assert.equal(await vscode.env.clipboard.readText(), '91.214.124.19\n');
    const techniques = sections.find((s) => s.label === 'Techniques')!;
    const tacticGroups = await api.tree.getChildren(techniques);
    assert.ok(tacticGroups.length >= 1 && tacticGroups.every((g) => g.kind === 'tacticGroup'));
  });

  it('filters by text and minimum severity from the view title', async () => {
    await cfg().update('tree.groupBy', 'date', vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('threatBriefings.filter', { text: 'ransomware report' });
    const groups = (await api.tree.getChildren()).filter((n) => n.kind === 'group');
    assert.deepEqual(groups.map((g) => g.label), ['2023-06-14']);
    await vscode.commands.executeCommand('threatBriefings.filter', { minSeverity: 'CRIT', text: 'tree fixture' });
    const crit = (await api.tree.getChildren()).filter((n) => n.kind === 'group');
    for (const g of crit) for (const b of await api.tree.getChildren(g)) assert.match(String(api.tree.getTreeItem(b).tooltip && (api.tree.getTreeItem(b).tooltip as vscode.MarkdownString).value), /\[CRIT\]/);
    await vscode.commands.executeCommand('threatBriefings.clearFilter');
    assert.ok((await api.tree.getChildren()).filter((n) => n.kind === 'group').length >= 2);
  });

  it('updates itself when a briefing is written outside the editor (file watcher)', async () => {
    const changed = new Promise<void>((resolve) => {
      const sub = api.tree.onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    const r = briefLoaded({ title: 'Tree fixture: written by the CLI', source: 'CLI', published: '2024-01-05', format: 'text', text: 'A short note about a patch release.\n' });
    await new BriefingStore(nodeStoreFs(root)).write(r.briefing, r.markdown, r.json, { today: '2026-12-01' });
    await Promise.race([changed, new Promise((_, rej) => setTimeout(() => rej(new Error('no tree refresh within 10 s')), 10000))]);
    await cfg().update('tree.groupBy', 'date', vscode.ConfigurationTarget.Workspace);
    assert.ok((await api.tree.getChildren()).some((n) => n.label === '2024-01-05'));
    assert.ok(fs.existsSync(path.join(root, '2024-01-05')));
  });

  it('exports the IOCs of a selection of briefings as one CSV and one STIX bundle', async () => {
    await cfg().update('tree.groupBy', 'date', vscode.ConfigurationTarget.Workspace);
    const briefings: unknown[] = [];
    for (const g of (await api.tree.getChildren()).filter((n) => n.kind === 'group')) {
      for (const b of await api.tree.getChildren(g)) if (String(api.tree.getTreeItem(b).label).startsWith('Tree fixture: a')) briefings.push(b);
    }
    assert.equal(briefings.length, 2);
    const dir = vscode.workspace.workspaceFolders![0].uri;
    const csv = vscode.Uri.joinPath(dir, 'tree-export.iocs.csv');
    await vscode.commands.executeCommand('threatBriefings.exportIocsCsv', briefings[0], briefings, csv);
    const text = Buffer.from(await vscode.workspace.fs.readFile(csv)).toString('utf8');
    assert.equal(text.split('\n').filter((l) => l.startsWith('type,')).length, 1);
    assert.match(text, /91\.214\.124\.19/);
    assert.match(text, /203\.0\.113\.77|tree-fixture-c2\.top/);
    const stix = vscode.Uri.joinPath(dir, 'tree-export.stix.json');
    await vscode.commands.executeCommand('threatBriefings.exportIocsStix', briefings[0], briefings, stix);
    const bundle = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(stix)).toString('utf8')) as { type: string; objects: Array<{ type: string }> };
    assert.equal(bundle.type, 'bundle');
    assert.ok(bundle.objects.some((o) => o.type === 'indicator'), JSON.stringify(bundle).slice(0, 600));
  });

  it('declares the welcome view only for a folder that has been read and is empty', () => {
    const pkg = vscode.extensions.getExtension('threat-briefings.threat-briefings')!.packageJSON as { contributes: { viewsWelcome: Array<{ when?: string }> } };
    assert.equal(pkg.contributes.viewsWelcome[0].when, 'threatBriefings.loaded && threatBriefings.empty');
  });
});
