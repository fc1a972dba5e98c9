// The ATT&CK matrix webview panel: one per window. The extension computes the model (engine/exports/matrix.ts) and
// posts it; the page renders it and asks for a new one when the filter changes. The panel keeps the last model and
// what the page reported rendering, which the integration tests read through the extension API.
import * as vscode from 'vscode';
import { buildMatrix, MatrixModel } from '../../engine/exports/matrix';
import { BriefingFilter } from '../../engine/exports/matrixFilter';
import { logError } from '../core/log';
import { loadMatrixData, NoWorkspaceError } from './data';
import { makeNonce, matrixPage } from './html';
import { FromWebview, parseFromWebview, ToWebview } from './messages';

/** Where detection coverage comes from (another feature supplies it); undefined = no coverage marks. */
export type CoverageSource = () => Promise<ReadonlySet<string> | undefined>;

export interface MatrixState {
  open: boolean;
  filter: BriefingFilter;
  model?: MatrixModel;
  /** Cited technique IDs the page reported after its last render. */
  rendered?: string[];
  /** Whether that render shows the newest model posted (false while a newer one is on its way or being drawn). */
  current?: boolean;
  /** The webview's resource roots, as the host reports them (tests check they stop at media/). */
  localResourceRoots?: string[];
}

export class MatrixPanel implements vscode.Disposable {
  static current: MatrixPanel | undefined;
  private filter: BriefingFilter = {};
  private model: MatrixModel | undefined;
  private root: vscode.Uri | undefined;
  private rendered: string[] | undefined;
  /** The number of the model the page last reported drawing (models are numbered by the update that built them). */
  private renderedSeq = -1;
  private renderWaiters: Array<(ids: string[]) => boolean> = [];
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private updates = 0;

  static show(extensionUri: vscode.Uri, coverage?: CoverageSource): MatrixPanel {
    if (MatrixPanel.current) {
      MatrixPanel.current.panel.reveal();
      return MatrixPanel.current;
    }
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('threatBriefings.matrix', 'ATT&CK Matrix', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    MatrixPanel.current = new MatrixPanel(panel, media, coverage);
    return MatrixPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, media: vscode.Uri, private readonly coverage?: CoverageSource) {
    panel.iconPath = vscode.Uri.joinPath(media, 'activity.svg');
    const webview = panel.webview;
    webview.html = matrixPage({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'matrix.css')).toString(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  state(): MatrixState {
    const roots = (this.panel.webview.options.localResourceRoots ?? []).map((u) => u.toString());
    return { open: true, filter: this.filter, model: this.model, rendered: this.rendered, current: this.renderedSeq === this.updates, localResourceRoots: roots };
  }

  /**
   * Resolves with the IDs the page reports once it has drawn the model of the newest update started so far, or a later
   * one (at once when it already has). A report of an older model does not count, and neither does an update that a
   * newer one overtook: after a filter message, this is the filtered render.
   */
  settledRender(timeoutMs = 20000): Promise<string[]> {
    const wanted = this.updates;
    if (this.rendered && this.renderedSeq >= wanted) return Promise.resolve(this.rendered);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the matrix page did not report drawing model ${wanted} within ${timeoutMs} ms`)), timeoutMs);
      this.renderWaiters.push((ids) => {
        if (this.renderedSeq < wanted) return false;
        clearTimeout(timer);
        resolve(ids);
        return true;
      });
    });
  }

  /** Briefings changed on disk: rebuild shortly (a feed run writes many files at once). */
  scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.update(), 300);
  }

  async receive(raw: unknown): Promise<void> {
    const msg = parseFromWebview(raw);
    if (!msg) return; // not ours, or malformed: ignored
    try {
      await this.handle(msg);
    } catch (e) {
      logError('ATT&CK matrix', e);
      await this.post({ type: 'error', message: (e as Error).message });
    }
  }

  private async handle(msg: FromWebview): Promise<void> {
    switch (msg.type) {
      case 'ready':
      case 'refresh':
        return this.update();
      case 'filter':
        this.filter = msg.filter;
        return this.update();
      case 'open': {
        // Only a briefing this panel listed can be opened: the key is a store path we sent, not any path.
        if (!this.root || !this.model?.briefings.some((b) => b.key === msg.key)) return;
        await vscode.window.showTextDocument(vscode.Uri.joinPath(this.root, ...msg.key.split('/')), { preview: true, viewColumn: vscode.ViewColumn.Beside });
        return;
      }
      case 'export':
        await vscode.commands.executeCommand('threatBriefings.exportNavigatorLayer', this.filter);
        return;
      case 'rendered': {
        // A render of a model older than the last one reported (reports can cross) changes nothing.
        if (msg.seq < this.renderedSeq) return;
        this.rendered = msg.techniques;
        this.renderedSeq = msg.seq;
        this.renderWaiters = this.renderWaiters.filter((w) => !w(msg.techniques));
        return;
      }
    }
  }

  async update(): Promise<void> {
    // Updates overlap (a filter change while a file change reloads): only the newest one posts, so the page never
    // ends on a model built for an older filter.
    const seq = ++this.updates;
    try {
      const data = await loadMatrixData();
      const covered = await this.coverage?.();
      if (seq !== this.updates) return;
      this.root = data.root;
      this.model = buildMatrix(data.inputs, data.attack ?? { tactics: [], techniques: [] }, { filter: this.filter, ...(covered ? { covered } : {}) });
      await this.post({ type: 'model', model: this.model, seq });
    } catch (e) {
      if (!(e instanceof NoWorkspaceError)) logError('Could not build the ATT&CK matrix', e);
      if (seq === this.updates) await this.post({ type: 'error', message: (e as Error).message });
    }
  }

  private async post(msg: ToWebview): Promise<void> {
    await this.panel.webview.postMessage(msg);
  }

  dispose(): void {
    if (MatrixPanel.current === this) MatrixPanel.current = undefined;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.disposables.splice(0).forEach((d) => d.dispose());
    this.panel.dispose();
  }
}
