import * as vscode from 'vscode';
import { BriefingsTree } from '../tree/briefingsTree';
import { AttackCompletionProvider } from './completion';
import { RetiredIdDiagnostics, RetiredIdQuickFix } from './diagnostics';
import { AttackHoverProvider } from './hover';

/** Every text document, whatever its language: IDs appear in Markdown, YAML/Sigma, SPL, KQL, JSON and code. */
export const ANY_TEXT: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-userdata' }];

export function registerAttackFeatures(tree: BriefingsTree): vscode.Disposable[] {
  const diagnostics = new RetiredIdDiagnostics();
  const scanAll = () => vscode.workspace.textDocuments.forEach((d) => diagnostics.scheduleScan(d, 1000));
  return [
    diagnostics,
    vscode.languages.registerHoverProvider(ANY_TEXT, new AttackHoverProvider(tree)),
    vscode.languages.registerCompletionItemProvider(ANY_TEXT, new AttackCompletionProvider(), '.'),
    vscode.languages.registerCodeActionsProvider(ANY_TEXT, new RetiredIdQuickFix(), { providedCodeActionKinds: RetiredIdQuickFix.kinds }),
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.scheduleScan(d)),
    vscode.workspace.onDidChangeTextDocument((e) => diagnostics.scheduleScan(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.collection.delete(d.uri)),
    // Deferred so activation never waits for the index.
    { dispose: clearTimeout.bind(null, setTimeout(scanAll, 0)) },
  ];
}
