// Completion of hunt IDs after `UC_` in any file, from the catalogue and the IOC hunt templates.
import * as vscode from 'vscode';
import { huntListing } from '../../engine/hunts/listing';
import { huntIdPrefix } from './huntBlocks';

export class HuntIdCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const typed = huntIdPrefix(doc.lineAt(pos.line).text.slice(0, pos.character));
    if (!typed) return undefined;
    const range = new vscode.Range(pos.line, pos.character - typed.length, pos.line, pos.character);
    return huntListing().map((h) => {
      const item = new vscode.CompletionItem({ label: h.id, description: h.title }, vscode.CompletionItemKind.Value);
      item.range = range;
      item.filterText = `${h.id} ${h.title}`;
      item.detail = `${h.title} (${h.techniques.join(', ')})`;
      item.documentation = new vscode.MarkdownString().appendText(h.description);
      return item;
    });
  }
}
