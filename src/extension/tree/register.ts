// The Briefings tree and the commands that act on its items: grouping, filtering, opening, revealing, copying.
import * as vscode from 'vscode';
import { Severity, SEVERITIES } from '../../engine/model';
import { exportIocsOfBriefings } from '../../engine/exports/iocs-many';
import type { IocFormat } from '../../engine/exports/types';
import { displayOf } from '../../engine/text/defang';
import { command } from '../core/commands';
import { log } from '../core/log';
import { briefingsFolderUri, openStore } from '../core/briefingsFolder';
import { affects, GroupBy, KEYS, settings, updateSetting } from '../core/settings';
import { BriefingsTree, briefingUri, Node } from './briefingsTree';
import { plural } from './grouping';
import { revealInBriefing } from './reveal';

const VIEW = 'threatBriefings.briefings';

function asNode(node: unknown): Node | undefined {
  return node && typeof node === 'object' && 'kind' in node ? (node as Node) : undefined;
}

async function copy(text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied ${what}`, 3000);
}

const GROUPINGS: Array<{ label: string; value: GroupBy; description: string }> = [
  { label: 'Date', value: 'date', description: 'published day, newest first; undated last' },
  { label: 'Severity', value: 'severity', description: 'CRIT, HIGH, MED, LOW' },
  { label: 'Source', value: 'source', description: 'by publisher' },
  { label: 'Tactic', value: 'tactic', description: 'MITRE ATT&CK® tactics in kill-chain order' },
  { label: 'Technique', value: 'technique', description: 'each technique the briefings cite' },
];

export function registerTree(tree: BriefingsTree): vscode.Disposable[] {
  const view = vscode.window.createTreeView(VIEW, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  // The IOCs of one briefing, or of every briefing in the selection, as one CSV or STIX 2.1 file.
  const exportIocs = async (format: IocFormat, node?: unknown, selected?: unknown, target?: unknown) => {
    const picked = (Array.isArray(selected) && selected.length ? selected : [node]).map(asNode)
      .filter((n): n is Extract<Node, { kind: 'briefing' }> => n?.kind === 'briefing');
    if (!picked.length) throw new Error('Select one or more briefings in the tree first.');
    // An undated briefing is exported under the day it was briefed (its dated folder, else its JSON file's last
    // write), so exporting the same files again gives the same bytes.
    const full = await Promise.all(picked.map((n) => tree.full(n.entry)));
    const folderDay = new Map(await Promise.all(full.map(async (s, i) => {
      const day = /^\d{4}-\d{2}-\d{2}/.exec(s.jsonPath)?.[0];
      if (day) return [s.briefing, day] as const;
      const st = await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(picked[i].root, s.jsonPath))).catch(() => undefined);
      return [s.briefing, st ? new Date(st.mtime).toISOString().slice(0, 10) : undefined] as const;
    })));
    const r = exportIocsOfBriefings(format, full.map((s) => s.briefing), {}, (b) => folderDay.get(b));
    if (!r.ok) throw new Error(`Nothing to export: ${r.reason}.`);
    const uri = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
      title: `Export IOCs as ${format === 'csv' ? 'CSV' : 'a STIX 2.1 bundle'}`,
      defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? picked[0].root, r.fileName),
      filters: format === 'csv' ? { CSV: ['csv'] } : { 'STIX 2.1 JSON': ['json'] },
    });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(r.text, 'utf8'));
    void vscode.window.showInformationMessage(`Threat Briefings: IOCs of ${plural(picked.length, 'briefing')} written to ${vscode.workspace.asRelativePath(uri)}.`);
    return uri;
  };
  const describeFilter = () => {
    const f = tree.filter;
    const parts = [f.text ? `“${f.text}”` : '', f.minSeverity ? `≥ ${f.minSeverity}` : ''].filter(Boolean);
    view.description = parts.length ? `filter: ${parts.join(' · ')}` : undefined;
  };
  // Briefings written by the CLI, a scheduled job or a git pull show up without a manual refresh.
  let watcher: vscode.FileSystemWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = () => {
    watcher?.dispose();
    const root = briefingsFolderUri();
    if (!root) return;
    watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*.{md,json}'));
    // The store's index (.threat-briefings/index.json) is watched too: it changes with every write, so a write is seen
    // even where the watcher does not report the briefing's own files (a clean-clone CI run showed one in a new day folder).
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => tree.refresh(), 300);
    };
    watcher.onDidCreate(later);
    watcher.onDidChange(later);
    watcher.onDidDelete(later);
  };
  watch();

  return [
    view,
    tree,
    { dispose: () => { watcher?.dispose(); clearTimeout(timer); } },
    command('threatBriefings.refresh', () => tree.refresh()),
    command('threatBriefings.showLogs', () => log().show()),
    command('threatBriefings.groupBy', async (value?: unknown) => {
      const current = settings().tree.groupBy;
      const given = GROUPINGS.find((g) => g.value === value);
      const pick = given ?? await vscode.window.showQuickPick(GROUPINGS.map((p) => ({ ...p, picked: p.value === current })), { title: 'Group briefings by' });
      if (!pick) return;
      await updateSetting(KEYS.treeGroupBy, pick.value);
      tree.refresh();
    }),
    command('threatBriefings.filter', async (arg?: unknown) => {
      // Programmatic use (tests, keybindings): { text, minSeverity }.
      if (arg && typeof arg === 'object') {
        const a = arg as { text?: string; minSeverity?: Severity };
        tree.setFilter({ ...(a.text ? { text: a.text } : {}), ...(a.minSeverity ? { minSeverity: a.minSeverity } : {}) });
        describeFilter();
        return;
      }
      const text = await vscode.window.showInputBox({
        title: 'Filter briefings (1/2): text', prompt: 'Words in the title, source, summary, an IOC, a technique, an actor or malware; empty for all',
        value: tree.filter.text ?? '', ignoreFocusOut: true,
      });
      if (text === undefined) return;
      const sev = await vscode.window.showQuickPick(
        [{ label: 'Any severity', value: undefined as Severity | undefined }, ...[...SEVERITIES].reverse().map((s) => ({ label: `${s} and above`, value: s }))],
        { title: 'Filter briefings (2/2): minimum severity' },
      );
      if (!sev) return;
      tree.setFilter({ ...(text.trim() ? { text: text.trim() } : {}), ...(sev.value ? { minSeverity: sev.value } : {}) });
      describeFilter();
    }),
    command('threatBriefings.clearFilter', () => {
      tree.setFilter({});
      describeFilter();
    }),
    command('threatBriefings.openBriefing', async (node?: unknown) => {
      const n = asNode(node);
      if (!n || n.kind !== 'briefing') return;
      const uri = briefingUri(n);
      if (settings().openBriefingAs === 'preview') await vscode.commands.executeCommand('markdown.showPreview', uri);
      else await vscode.window.showTextDocument(uri, { preview: true });
    }),
    command('threatBriefings.openBriefingSource', async (node?: unknown) => {
      const n = asNode(node);
      if (n?.kind === 'briefing') await vscode.window.showTextDocument(briefingUri(n), { preview: true });
    }),
    command('threatBriefings.revealInBriefing', (node?: unknown) => {
      const n = asNode(node);
      return n ? revealInBriefing(n) : undefined;
    }),
    command('threatBriefings.copyValue', async (node?: unknown) => {
      const n = asNode(node);
      if (n && 'value' in n) await copy(n.value, n.value);
    }),
    command('threatBriefings.copyDefanged', async (node?: unknown) => {
      const n = asNode(node);
      if (n?.kind === 'ioc') await copy(displayOf(n.ioc.type, n.ioc.value), n.ioc.display);
    }),
    command('threatBriefings.copyIocsOfType', async (node?: unknown) => {
      const n = asNode(node);
      if (n?.kind === 'iocType') await copy(n.iocs.map((i) => i.value).join('\n') + '\n', `${n.iocs.length} ${n.type} value(s)`);
    }),
    command('threatBriefings.copyIocsOfTypeDefanged', async (node?: unknown) => {
      const n = asNode(node);
      if (n?.kind === 'iocType') await copy(n.iocs.map((i) => displayOf(i.type, i.value)).join('\n') + '\n', `${n.iocs.length} defanged ${n.type} value(s)`);
    }),
    command('threatBriefings.openTechniqueOnline', async (node?: unknown) => {
      const n = asNode(node);
      if (n?.kind !== 'technique') return;
      const [base, sub] = n.technique.id.split('.');
      await vscode.env.openExternal(vscode.Uri.parse(`https://attack.mitre.org/techniques/${base}/${sub ? sub + '/' : ''}`));
    }),
    command('threatBriefings.openArticle', async (node?: unknown) => {
      const n = asNode(node);
      const url = n?.kind === 'briefing' ? n.entry.summary.url : undefined;
      // Only web links: a hand-edited briefing must not make this open a file: or command: URI.
      if (!url || !/^https?:\/\//i.test(url)) throw new Error('This briefing has no http(s) article link.');
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
    command('threatBriefings.exportIocsCsv', (node?: unknown, selected?: unknown, target?: unknown) => exportIocs('csv', node, selected, target)),
    command('threatBriefings.exportIocsStix', (node?: unknown, selected?: unknown, target?: unknown) => exportIocs('stix', node, selected, target)),
    command('threatBriefings.revealInExplorer', async (node?: unknown) => {
      const n = asNode(node);
      if (n?.kind === 'briefing') await vscode.commands.executeCommand('revealInExplorer', briefingUri(n));
    }),
    command('threatBriefings.deleteBriefing', async (node?: unknown) => {
      const n = asNode(node);
      const opened = openStore();
      if (!n || n.kind !== 'briefing' || !opened) return;
      const answer = await vscode.window.showWarningMessage(
        `Delete the briefing “${n.entry.summary.title}” (Markdown and JSON)?`,
        { modal: true },
        'Delete',
      );
      if (answer !== 'Delete') return;
      await opened.store.delete(n.entry);
      tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, KEYS.briefingsFolder)) watch();
      if (affects(e, KEYS.briefingsFolder, KEYS.treeGroupBy)) tree.refresh();
    }),
  ];
}
