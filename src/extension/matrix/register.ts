// The ATT&CK matrix view and the Navigator layer export.
import * as vscode from 'vscode';
import { command } from '../core/commands';
import { briefingsFolderUri } from '../core/briefingsFolder';
import { affects, KEYS } from '../core/settings';
import { exportNavigatorLayer } from './exportLayer';
import { CoverageSource, MatrixPanel, MatrixState } from './panel';

/** What the matrix offers other features and the integration tests. */
export interface MatrixApi {
  /** The open panel's filter, last model and last reported render; `open: false` when no panel is shown. */
  state(): MatrixState;
  /** Resolves with the cited IDs once the page has drawn the newest model posted (rejects when no panel is open). */
  settledRender(timeoutMs?: number): Promise<string[]>;
  /** Feeds a message through the same checks as one from the page (tests send forged ones). */
  receive(message: unknown): Promise<void>;
}

export function registerMatrix(context: vscode.ExtensionContext, coverage?: CoverageSource): { disposables: vscode.Disposable[]; api: MatrixApi } {
  const watchers: vscode.Disposable[] = [];
  const watch = () => {
    watchers.splice(0).forEach((w) => w.dispose());
    const root = briefingsFolderUri();
    if (!root) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*.json'));
    const changed = () => MatrixPanel.current?.scheduleRefresh();
    watchers.push(w, w.onDidCreate(changed), w.onDidChange(changed), w.onDidDelete(changed));
  };
  const api: MatrixApi = {
    state: () => MatrixPanel.current?.state() ?? { open: false, filter: {} },
    settledRender: (ms) => (MatrixPanel.current ? MatrixPanel.current.settledRender(ms) : Promise.reject(new Error('the ATT&CK matrix is not open'))),
    receive: async (m) => MatrixPanel.current?.receive(m),
  };
  const disposables = [
    command('threatBriefings.showMatrix', () => {
      // The watcher lives while the extension does but only acts when a panel is open; created on first use.
      if (!watchers.length) watch();
      MatrixPanel.show(context.extensionUri, coverage);
    }),
    command('threatBriefings.exportNavigatorLayer', exportNavigatorLayer),
    // The view menu's entry (titled with "&&" so the menu shows "&"): the same command.
    command('threatBriefings.exportNavigatorLayer.menu', () => exportNavigatorLayer()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affects(e, KEYS.briefingsFolder)) return;
      if (watchers.length) watch();
      MatrixPanel.current?.scheduleRefresh();
    }),
    { dispose: () => watchers.splice(0).forEach((w) => w.dispose()) },
    { dispose: () => MatrixPanel.current?.dispose() },
  ];
  return { disposables, api };
}
