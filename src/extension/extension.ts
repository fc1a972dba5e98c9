// VS Code glue: composes the feature folders, each of which registers its own commands and providers. Everything
// that decides lives in src/engine.
import * as vscode from 'vscode';
import { log } from './core/log';
import { BriefingsTree } from './tree/briefingsTree';
import { registerTree } from './tree/register';
import { registerGenerate } from './generate/register';
import { registerFeeds } from './feeds/register';
import { registerHunts } from './hunts/register';
import { registerAttack } from './attack/register';
import { MatrixApi, registerMatrix } from './matrix/register';
import { CoverageApi, registerCoverage } from './coverage/register';

export interface ExtensionApi {
  /** Milliseconds activate() took; logged and exposed for the integration tests. */
  activationMs: number;
  tree: BriefingsTree;
  matrix: MatrixApi;
  coverage: CoverageApi;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const t0 = performance.now();
  const tree = new BriefingsTree();
  const coverage = registerCoverage(tree);
  const matrix = registerMatrix(context, coverage.api.covered);
  context.subscriptions.push(
    log(),
    ...registerTree(tree),
    ...registerGenerate(tree),
    ...registerFeeds(tree),
    ...registerHunts(tree),
    ...registerAttack(context, tree, coverage.api.note),
    ...coverage.disposables,
    ...matrix.disposables,
  );
  const activationMs = performance.now() - t0;
  log().info(`Threat Briefings activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, tree, matrix: matrix.api, coverage: coverage.api };
}

export function deactivate(): void {
  // Nothing to clean beyond context.subscriptions.
}
