// "Reveal in briefing": open the briefing's Markdown and select where an IOC, technique, phase or hunt is written.
import * as vscode from 'vscode';
import { briefingUri, Node } from './briefingsTree';

/** What the item looks like in the rendered Markdown (see engine/briefing/markdown.ts). */
function needles(node: Node): string[] {
  switch (node.kind) {
    case 'ioc':
      return [node.ioc.display, node.ioc.value];
    case 'technique':
      return [`**${node.technique.id}**`, node.technique.id];
    case 'phase':
      return [`**${node.phase.phase}**`];
    case 'hunt':
      return [`\`${node.hunt.id}\``, node.hunt.id];
    default:
      return [];
  }
}

export async function revealInBriefing(node: Node): Promise<vscode.TextEditor | undefined> {
  if (node.kind === 'group' || node.kind === 'broken') return undefined;
  const doc = await vscode.workspace.openTextDocument(briefingUri(node));
  const text = doc.getText();
  let at = -1;
  let len = 0;
  for (const n of needles(node)) {
    at = text.indexOf(n);
    if (at >= 0) {
      len = n.length;
      break;
    }
  }
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  if (at >= 0) {
    const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + len));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return editor;
}
