// VS Code glue: wires the engine to the editor. Everything that decides lives in src/engine.
import * as vscode from 'vscode';
import { log } from './log';
import { BriefingsTree } from './tree/briefingsTree';
import { guarded, registerBriefingCommands } from './commands/register';
import { registerAttackFeatures } from './attack/register';
import { initAttackData, resetAttackIndex } from './attackData';
import { loadAttackData, USER_INDEX_FILE } from './attack/loadData';
import { searchAttack } from './attack/search';

export interface ExtensionApi {
  /** Milliseconds activate() took; logged and exposed for the integration tests. */
  activationMs: number;
  tree: BriefingsTree;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const t0 = performance.now();
  const tree = new BriefingsTree();
  initAttackData(context.globalStorageUri, USER_INDEX_FILE);
  context.subscriptions.push(
    log(),
    vscode.window.registerTreeDataProvider('threatBriefings.briefings', tree),
    tree,
    ...registerBriefingCommands(context, tree),
    ...registerAttackFeatures(tree),
    vscode.commands.registerCommand('threatBriefings.searchAttack', () => guardedRun('Search ATT&CK', searchAttack)),
    vscode.commands.registerCommand('threatBriefings.loadAttackData', (file?: unknown) => guardedRun('Load ATT&CK data', () => loadAttackData(context, file))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('threatBriefings.attackDataPath')) resetAttackIndex();
    }),
  );
  const activationMs = performance.now() - t0;
  log().info(`Threat Briefings activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, tree };
}

function guardedRun(name: string, fn: () => unknown): unknown {
  return guarded(name, fn)();
}

export function deactivate(): void {
  // Nothing to clean beyond context.subscriptions.
}
