import * as vscode from 'vscode';
import { BriefingsTree, Node } from '../tree/briefingsTree';
import { log, logError } from '../log';
import { openStore } from '../briefingsFolder';
import { generateFromFeed, generateFromText, generateFromUrl, regenerate } from './generate';

type Handler = (...args: unknown[]) => unknown;

/** Wraps a handler so a failure becomes one clear message plus a log line, never an unhandled rejection. */
export function guarded(name: string, fn: Handler): Handler {
  return async (...args: unknown[]) => {
    try {
      return await fn(...args);
    } catch (e) {
      logError(`${name} failed`, e);
      void vscode.window.showErrorMessage(`Threat Briefings: ${(e as Error)?.message ?? String(e)}`);
      return undefined;
    }
  };
}

/** Commands whose implementation lands with a later issue: they say so instead of pretending. */
const PENDING: Record<string, string> = {
  'threatBriefings.insertHunt': 'Inserting hunts',
  'threatBriefings.exportHunt': 'Exporting hunts',
};

export function registerBriefingCommands(context: vscode.ExtensionContext, tree: BriefingsTree): vscode.Disposable[] {
  const reg = (id: string, fn: Handler) => vscode.commands.registerCommand(id, guarded(id, fn));
  const disposables = [
    reg('threatBriefings.generateFromUrl', (url?: unknown) => generateFromUrl(tree, url)),
    reg('threatBriefings.generateFromFile', () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) throw new Error('Open the article (text, Markdown or HTML) in an editor first.');
      return generateFromText(tree, doc.getText(), doc.uri.path);
    }),
    reg('threatBriefings.generateFromSelection', () => {
      const ed = vscode.window.activeTextEditor;
      const text = ed ? ed.selections.map((s) => ed.document.getText(s)).join('\n') : '';
      if (!text.trim()) throw new Error('Select the article text first.');
      return generateFromText(tree, text);
    }),
    reg('threatBriefings.generateFromClipboard', async () => generateFromText(tree, await vscode.env.clipboard.readText())),
    reg('threatBriefings.generateFromFeed', (feed?: unknown) => generateFromFeed(tree, feed)),
    reg('threatBriefings.regenerateBriefing', (node?: unknown) => regenerate(tree, node)),
    reg('threatBriefings.refresh', () => tree.refresh()),
    reg('threatBriefings.showLogs', () => log().show()),
    reg('threatBriefings.groupBy', async () => {
      const current = tree.groupBy;
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'Date', value: 'date', description: 'newest day first' },
          { label: 'Severity', value: 'severity', description: 'CRIT, HIGH, MED, LOW' },
          { label: 'Source', value: 'source', description: 'by publisher' },
        ].map((p) => ({ ...p, picked: p.value === current })),
        { title: 'Group briefings by' },
      );
      if (!pick) return;
      await vscode.workspace.getConfiguration('threatBriefings').update('tree.groupBy', pick.value, vscode.ConfigurationTarget.Global);
      tree.refresh();
    }),
    reg('threatBriefings.openBriefing', async (node?: unknown) => {
      const n = node as Node | undefined;
      if (!n || n.kind !== 'briefing') return;
      const uri = vscode.Uri.joinPath(n.root, ...n.stored.markdownPath.split('/'));
      await vscode.window.showTextDocument(uri, { preview: true });
    }),
    reg('threatBriefings.copyValue', async (node?: unknown) => {
      const n = node as Node | undefined;
      if (!n || !('value' in n)) return;
      await vscode.env.clipboard.writeText(n.value);
      vscode.window.setStatusBarMessage(`Copied ${n.value}`, 3000);
    }),
    reg('threatBriefings.deleteBriefing', async (node?: unknown) => {
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
  ];
  for (const [id, what] of Object.entries(PENDING)) {
    disposables.push(reg(id, () => vscode.window.showInformationMessage(`Threat Briefings: ${what} is not available in this version yet.`)));
  }
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('threatBriefings.briefingsFolder') || e.affectsConfiguration('threatBriefings.tree.groupBy')) tree.refresh();
    }),
  );
  return disposables;
}
