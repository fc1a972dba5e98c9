import * as vscode from 'vscode';
import { findAttackIds } from '../../engine/attack/lookup';
import { renderHoverMarkdown } from '../../engine/attack/hover';
import { attackIndex } from './data';
import { BriefingsTree } from '../tree/briefingsTree';
import { openStore } from '../core/briefingsFolder';

/** Hover on T1059 / T1059.001 / TA0002 / G0032 / S0154 / M1038 / C0001 / attack.t1059.001 in any text file. */
export class AttackHoverProvider implements vscode.HoverProvider {
  /** coverageNote: the coverage feature's line for a technique ("Covered by N rules in this workspace: …"). */
  constructor(private readonly tree: BriefingsTree, private readonly coverageNote?: (techniqueId: string) => Promise<string>) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const line = doc.lineAt(pos.line).text;
    const hit = findAttackIds(line).find((m) => pos.character >= m.start && pos.character <= m.end);
    if (!hit) return undefined;
    const index = attackIndex();
    if (!index) return undefined;
    const root = openStore()?.root;
    const citing = (await this.tree.entries())
      .filter((s) => s.summary.techniques.some((t) => t.id === hit.id || t.replaces === hit.id))
      .slice(0, 8)
      .map((s) => ({ title: s.summary.title, path: root ? vscode.Uri.joinPath(root, ...s.markdownPath.split('/')).toString() : s.markdownPath }));
    const md = renderHoverMarkdown(hit.id, index, citing);
    if (!md) return undefined;
    const note = /^T\d{4}/.test(hit.id) && this.coverageNote ? await this.coverageNote(hit.id) : undefined;
    const content = new vscode.MarkdownString(note ? `${md}\n\n---\n\n${note}` : md);
    // Links go to attack.mitre.org and to briefings; no command links, no HTML from the data.
    content.isTrusted = false;
    content.supportHtml = false;
    return new vscode.Hover(content, new vscode.Range(pos.line, hit.start, pos.line, hit.end));
  }
}
