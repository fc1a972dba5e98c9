// The Briefings tree and the commands that act on its items.
import * as vscode from 'vscode';
import { command } from '../core/commands';
import { log } from '../core/log';
import { openStore } from '../core/briefingsFolder';
import { affects, GroupBy, KEYS, settings, updateSetting } from '../core/settings';
import { BriefingsTree, Node } from './briefingsTree';

export function registerTree(tree: BriefingsTree): vscode.Disposable[] {
  return [
    vscode.window.registerTreeDataProvider('threatBriefings.briefings', tree),
    tree,
    command('threatBriefings.refresh', () => tree.refresh()),
    command('threatBriefings.showLogs', () => log().show()),
    command('threatBriefings.groupBy', async () => {
      const current = settings().tree.groupBy;
      const choices: Array<{ label: string; value: GroupBy; description: string }> = [
        { label: 'Date', value: 'date', description: 'newest day first' },
        { label: 'Severity', value: 'severity', description: 'CRIT, HIGH, MED, LOW' },
        { label: 'Source', value: 'source', description: 'by publisher' },
      ];
      const pick = await vscode.window.showQuickPick(choices.map((p) => ({ ...p, picked: p.value === current })), { title: 'Group briefings by' });
      if (!pick) return;
      await updateSetting(KEYS.treeGroupBy, pick.value);
      tree.refresh();
    }),
    command('threatBriefings.openBriefing', async (node?: unknown) => {
      const n = node as Node | undefined;
      if (!n || n.kind !== 'briefing') return;
      const uri = vscode.Uri.joinPath(n.root, ...n.stored.markdownPath.split('/'));
      await vscode.window.showTextDocument(uri, { preview: true });
    }),
    command('threatBriefings.copyValue', async (node?: unknown) => {
      const n = node as Node | undefined;
      if (!n || !('value' in n)) return;
      await vscode.env.clipboard.writeText(n.value);
      vscode.window.setStatusBarMessage(`Copied ${n.value}`, 3000);
    }),
    command('threatBriefings.deleteBriefing', async (node?: unknown) => {
      const n = node as Node | undefined;
      const opened = openStore();
      if (!n || n.kind !== 'briefing' || !opened) return;
      const answer = await vscode.window.showWarningMessage(
        `Delete the briefing “${n.stored.briefing.title}” (Markdown and JSON)?`,
        { modal: true },
        'Delete',
      );
      if (answer !== 'Delete') return;
      await opened.store.delete(n.stored);
      tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, KEYS.briefingsFolder, KEYS.treeGroupBy)) tree.refresh();
    }),
  ];
}
