// Commands that turn an article into a briefing: URL, open file, selection, clipboard, feed, regenerate.
import * as vscode from 'vscode';
import { command } from '../core/commands';
import { BriefingsTree } from '../tree/briefingsTree';
import { generateFromFeed, generateFromText, generateFromUrl, regenerate } from './generate';
import { stopBriefWorker } from './workerClient';

export function registerGenerate(tree: BriefingsTree): vscode.Disposable[] {
  return [
    command('threatBriefings.generateFromUrl', (url?: unknown) => generateFromUrl(tree, url)),
    command('threatBriefings.generateFromFile', () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) throw new Error('Open the article (text, Markdown or HTML) in an editor first.');
      return generateFromText(tree, doc.getText(), doc.uri.path);
    }),
    command('threatBriefings.generateFromSelection', () => {
      const ed = vscode.window.activeTextEditor;
      const text = ed ? ed.selections.map((s) => ed.document.getText(s)).join('\n') : '';
      if (!text.trim()) throw new Error('Select the article text first.');
      return generateFromText(tree, text);
    }),
    command('threatBriefings.generateFromClipboard', async () => generateFromText(tree, await vscode.env.clipboard.readText())),
    command('threatBriefings.generateFromFeed', (feed?: unknown) => generateFromFeed(tree, feed)),
    command('threatBriefings.regenerateBriefing', (node?: unknown) => regenerate(tree, node)),
    { dispose: stopBriefWorker },
  ];
}
