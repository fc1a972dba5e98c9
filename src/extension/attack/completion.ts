import * as vscode from 'vscode';
import { attackIndex } from './data';

const ID_PREFIX = /(?:^|[^\w.])((?:[TGSMC]|TA)\d{1,4}(?:\.\d{0,3})?)$/;
const SIGMA_PREFIX = /(?:^|\W)attack\.([\w.-]*)$/i;

/** Completion of ATT&CK IDs (filterable by name) and of Sigma `attack.` tags. */
export class AttackCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position, _t: vscode.CancellationToken, ctx: vscode.CompletionContext): vscode.CompletionItem[] | undefined {
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const sigma = SIGMA_PREFIX.exec(before);
    const plain = sigma ? null : ID_PREFIX.exec(before);
    if (!sigma && !plain && ctx.triggerKind !== vscode.CompletionTriggerKind.Invoke) return undefined;
    const index = attackIndex();
    if (!index) return undefined;
    const typed = sigma ? sigma[1] : plain ? plain[1] : '';
    const range = new vscode.Range(pos.line, pos.character - typed.length, pos.line, pos.character);
    const items: vscode.CompletionItem[] = [];
    for (const t of index.techniques) {
      const name = index.fullName(t.id);
      const id = sigma ? `t${t.id.slice(1)}` : t.id;
      const item = new vscode.CompletionItem({ label: id, description: name }, vscode.CompletionItemKind.Reference);
      item.insertText = id;
      item.filterText = `${id} ${name}`;
      item.sortText = t.id;
      item.range = range;
      item.detail = `${name} (${index.tacticNames(t.id).join(', ')})`;
      item.documentation = new vscode.MarkdownString(t.description);
      items.push(item);
    }
    if (sigma) {
      // Sigma also tags tactics by name: attack.execution, attack.defense-evasion.
      for (const tac of index.tactics) {
        const item = new vscode.CompletionItem({ label: tac.shortname.replace(/_/g, '-'), description: `${tac.id} ${tac.name}` }, vscode.CompletionItemKind.Enum);
        item.range = range;
        item.sortText = '0' + tac.shortname;
        items.push(item);
      }
    } else {
      for (const tac of index.tactics) {
        const item = new vscode.CompletionItem({ label: tac.id, description: tac.name }, vscode.CompletionItemKind.Enum);
        item.filterText = `${tac.id} ${tac.name}`;
        item.range = range;
        items.push(item);
      }
    }
    return items;
  }
}
