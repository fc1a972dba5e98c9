// Hunts in the editor: Insert Hunt…, Add Hunt to Detection Repository…, CodeLens on briefings, hover and completion
// of hunt IDs. Snippets are static files built from the catalogue (scripts/build-snippets.ts).
import * as vscode from 'vscode';
import { command } from '../core/commands';
import { BriefingsTree } from '../tree/briefingsTree';
import { addHuntToRepository } from './addToRepo';
import { HuntCodeLensProvider } from './codeLens';
import { HuntIdCompletionProvider } from './completion';
import { HuntHoverProvider } from './hover';
import { insertHunt } from './insert';

const ANY_TEXT: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];
const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'vscode-remote' }];

export function registerHunts(tree: BriefingsTree): vscode.Disposable[] {
  return [
    command('threatBriefings.insertHunt', (arg?: unknown) => insertHunt(tree, arg)),
    command('threatBriefings.exportHunt', (arg?: unknown) => addHuntToRepository(tree, arg)),
    vscode.languages.registerCodeLensProvider(MARKDOWN, new HuntCodeLensProvider()),
    vscode.languages.registerHoverProvider(ANY_TEXT, new HuntHoverProvider()),
    vscode.languages.registerCompletionItemProvider(ANY_TEXT, new HuntIdCompletionProvider(), '_'),
  ];
}
