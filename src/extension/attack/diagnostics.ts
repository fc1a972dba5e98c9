import * as vscode from 'vscode';
import { findAttackIds } from '../../engine/attack/lookup';
import { attackIndex } from './data';

export const RETIRED_CODE = 'retired-attack-id';
const ANY_ID = /\b(?:T\d{4}|TA\d{4}|[GSMC]\d{4})\b|attack\.[tgsmc]/i;

/** Warns on revoked/deprecated ATT&CK IDs; the quick fix below replaces them with their successor. */
export class RetiredIdDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('threat-briefings-attack');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  scheduleScan(doc: vscode.TextDocument, delayMs = 300): void {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.scan(doc);
    }, delayMs));
  }

  scan(doc: vscode.TextDocument): vscode.Diagnostic[] {
    const text = doc.getText();
    // Only documents that mention an ID cause the index to load.
    if (doc.lineCount > 50_000 || !ANY_ID.test(text)) {
      this.collection.delete(doc.uri);
      return [];
    }
    const index = attackIndex();
    if (!index) return [];
    const out: vscode.Diagnostic[] = [];
    for (let i = 0; i < doc.lineCount; i++) {
      const line = doc.lineAt(i).text;
      for (const m of findAttackIds(line)) {
        const r = index.lookup(m.id);
        if (r.status !== 'revoked' && r.status !== 'deprecated') continue;
        const d = new vscode.Diagnostic(new vscode.Range(i, m.start, i, m.end), r.message, vscode.DiagnosticSeverity.Warning);
        d.source = 'Threat Briefings';
        d.code = RETIRED_CODE;
        d.tags = [vscode.DiagnosticTag.Deprecated];
        out.push(d);
      }
    }
    this.collection.set(doc.uri, out);
    return out;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
  }
}

export class RetiredIdQuickFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const index = attackIndex();
    if (!index) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics) {
      if (d.code !== RETIRED_CODE) continue;
      const old = doc.getText(d.range);
      const r = index.lookup(old);
      if (r.status !== 'revoked' && r.status !== 'deprecated') continue;
      for (const repl of r.replacedBy) {
        // Keep the Sigma tag's lower case (attack.t1086 → attack.t1059.001).
        const text = old === old.toLowerCase() ? repl.toLowerCase() : repl;
        const a = new vscode.CodeAction(`Replace ${old} with ${repl} (${index.fullName(repl)})`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, d.range, text);
        a.diagnostics = [d];
        a.isPreferred = r.replacedBy.length === 1;
        actions.push(a);
      }
    }
    return actions;
  }
}
