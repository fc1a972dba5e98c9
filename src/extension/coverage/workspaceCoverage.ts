// The rules of the workspace's detection content, kept current: a bounded workspace.fs scan at first use, then a
// debounced rescan when a .yml/.yaml/.spl/.kql file changes.
import * as vscode from 'vscode';
import { scanFile, type RuleFile } from '../../engine/exports/coverage';
import { log } from '../core/log';
import { listWorkspaceFiles, workspaceUri } from '../core/workspaceFiles';

const RULE_FILE = /\.(?:ya?ml|spl|kql)$/i;
const MAX_BYTES = 1_000_000;

export interface ScanResult {
  rules: RuleFile[];
  files: number;
  problems: number;
  truncated: boolean;
}

export class WorkspaceCoverage implements vscode.Disposable {
  private current: Promise<ScanResult> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<ScanResult>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.{yml,yaml,spl,kql}');

  constructor() {
    const later = () => this.schedule();
    this.watcher.onDidCreate(later);
    this.watcher.onDidChange(later);
    this.watcher.onDidDelete(later);
  }

  /** The last scan (starts one on first use). */
  result(): Promise<ScanResult> {
    this.current ??= this.scan();
    return this.current;
  }

  /** Rescans now; resolves when done. */
  rescan(): Promise<ScanResult> {
    this.current = this.scan();
    return this.current;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.rescan(), 500);
  }

  private async scan(): Promise<ScanResult> {
    const t0 = performance.now();
    const listed = await listWorkspaceFiles((n) => RULE_FILE.test(n));
    const out: ScanResult = { rules: [], files: 0, problems: 0, truncated: listed?.truncated ?? false };
    for (const rel of listed?.files ?? []) {
      let text: string;
      try {
        const bytes = await vscode.workspace.fs.readFile(workspaceUri(listed!.root, rel));
        if (bytes.byteLength > MAX_BYTES) continue;
        text = new TextDecoder().decode(bytes);
      } catch {
        out.problems++;
        continue;
      }
      out.files++;
      const s = scanFile(rel, text);
      if ('rule' in s && s.rule.techniques.length) out.rules.push(s.rule);
      else if ('problem' in s) out.problems++;
    }
    log().info(`Coverage: ${out.rules.length} rule files citing techniques among ${out.files} files scanned in ${(performance.now() - t0).toFixed(0)} ms`);
    this.changed.fire(out);
    return out;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.watcher.dispose();
    this.changed.dispose();
  }
}
