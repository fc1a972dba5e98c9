// MITRE ATT&CK® in the editor: hover, completion, retired-ID diagnostics and quick fix, search, loading data.
import * as vscode from 'vscode';
import { command } from '../core/commands';
import { affects, KEYS } from '../core/settings';
import { BriefingsTree } from '../tree/briefingsTree';
import { attackIndex, initAttackData, resetAttackIndex } from './data';
import { loadAttackData, USER_INDEX_FILE } from './loadData';
import { searchAttack } from './search';
import { AttackCompletionProvider } from './completion';
import { RetiredIdDiagnostics, RetiredIdQuickFix } from './diagnostics';
import { AttackHoverProvider } from './hover';

/** Every text document, whatever its language: IDs appear in Markdown, YAML/Sigma, SPL, KQL, JSON and code. */
export const ANY_TEXT: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-userdata' }];

export function registerAttack(context: vscode.ExtensionContext, tree: BriefingsTree, coverageNote?: (techniqueId: string) => Promise<string>): vscode.Disposable[] {
  initAttackData(context.globalStorageUri, USER_INDEX_FILE);
  // The tree orders tactics as the loaded data does (kill-chain order), whichever version that is.
  tree.tacticOrderSource = () => attackIndex()?.tactics.map((t) => t.name) ?? [];
  const diagnostics = new RetiredIdDiagnostics();
  const scanAll = () => vscode.workspace.textDocuments.forEach((d) => diagnostics.scheduleScan(d, 1000));
  return [
    diagnostics,
    vscode.languages.registerHoverProvider(ANY_TEXT, new AttackHoverProvider(tree, coverageNote)),
    vscode.languages.registerCompletionItemProvider(ANY_TEXT, new AttackCompletionProvider(), '.'),
    vscode.languages.registerCodeActionsProvider(ANY_TEXT, new RetiredIdQuickFix(), { providedCodeActionKinds: RetiredIdQuickFix.kinds }),
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.scheduleScan(d)),
    vscode.workspace.onDidChangeTextDocument((e) => diagnostics.scheduleScan(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.collection.delete(d.uri)),
    command('threatBriefings.searchAttack', searchAttack),
    command('threatBriefings.loadAttackData', (file?: unknown) => loadAttackData(context, file)),
    // The view menu's entries (titled with "&&", see package.json): the same commands.
    command('threatBriefings.searchAttack.menu', searchAttack),
    command('threatBriefings.loadAttackData.menu', () => loadAttackData(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, KEYS.attackDataPath)) resetAttackIndex();
    }),
    // Deferred so activation never waits for the index.
    { dispose: clearTimeout.bind(null, setTimeout(scanAll, 0)) },
  ];
}
