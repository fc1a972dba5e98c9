// Insert Hunt…: the hunt's query in the active editor's language at the cursor — SPL, KQL, or the Sigma
// detection block when the export can write one.
import * as vscode from 'vscode';
import { exportBriefingHunt } from '../../engine/huntExport';
import { briefingsFolderUri } from '../core/briefingsFolder';
import { BriefingsTree } from '../tree/briefingsTree';
import { queryChoiceFor } from './queryChoice';
import { ChosenHunt, huntFromArg, pickHunt } from './resolve';
import { sigmaDetectionBlock } from './sigmaBlock';
import { exportOptions } from './exportOptions';

type Kind = 'spl' | 'kql' | 'sigma';

export interface InsertResult {
  inserted: boolean;
  kind?: Kind;
  reason?: string;
}

function sigmaText(c: ChosenHunt): { text?: string; reason?: string } {
  const r = exportBriefingHunt('sigma', c.hunt, c.briefing, exportOptions(c.briefing));
  if (!r.ok) return { reason: r.reason };
  const block = sigmaDetectionBlock(r.text);
  return block ? { text: block } : { reason: 'the Sigma export has no detection block' };
}

async function askQueryKind(): Promise<'spl' | 'kql' | undefined> {
  const picked = await vscode.window.showQuickPick(
    [{ label: 'Splunk SPL', value: 'spl' as const }, { label: 'Defender KQL', value: 'kql' as const }],
    { placeHolder: 'Which query? The file is neither .spl nor .kql' });
  return picked?.value;
}

function inBriefings(doc: vscode.TextDocument): boolean {
  const root = briefingsFolderUri()?.toString();
  return !!root && doc.uri.toString().startsWith(root + '/');
}

/**
 * The editor to insert into: the active one, unless it shows a briefing (a CodeLens was clicked there, and the
 * briefing is not where a query belongs): then another visible editor, else a new untitled document.
 */
async function targetEditor(kind: Kind | undefined): Promise<vscode.TextEditor | undefined> {
  const active = vscode.window.activeTextEditor;
  if (active && !inBriefings(active.document)) return active;
  const other = vscode.window.visibleTextEditors.find((e) => !inBriefings(e.document));
  if (other) return vscode.window.showTextDocument(other.document, other.viewColumn);
  if (!active && !kind) {
    void vscode.window.showInformationMessage('Threat Briefings: open the file to insert the hunt into, then run Insert Hunt… again.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument({ language: kind === 'sigma' ? 'yaml' : 'plaintext', content: '' });
  return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
}

/** Arguments: a tree hunt node, or `{hunt, briefingJson?, as?}` where `as` forces spl, kql or sigma. */
export async function insertHunt(tree: BriefingsTree, arg?: unknown): Promise<InsertResult> {
  const chosen = (await huntFromArg(arg, tree)) ?? (await pickHunt(tree, 'Hunt to insert at the cursor'));
  if (!chosen) return { inserted: false, reason: 'cancelled' };
  const forced = typeof arg === 'object' && arg !== null && 'as' in arg ? (arg as { as?: Kind }).as : undefined;
  const editor = await targetEditor(forced);
  if (!editor) return { inserted: false, reason: 'no editor' };
  const doc = editor.document;
  const choice = forced ?? queryChoiceFor(doc.languageId, doc.fileName, doc.getText());
  const kind: Kind | undefined = choice === 'ask' ? await askQueryKind() : choice;
  if (!kind) return { inserted: false, reason: 'cancelled' };
  let text: string;
  if (kind === 'sigma') {
    const s = sigmaText(chosen);
    if (!s.text) {
      const reason = `${chosen.hunt.id} has no Sigma detection: ${s.reason}`;
      void vscode.window.showWarningMessage(`Threat Briefings: ${reason}. Its SPL and KQL can be inserted into a .spl or .kql file, or exported with Add Hunt to Detection Repository….`);
      return { inserted: false, kind, reason };
    }
    text = s.text;
  } else {
    text = kind === 'spl' ? chosen.hunt.spl : chosen.hunt.kql;
    if (!text.trim()) {
      const reason = `${chosen.hunt.id} has no ${kind.toUpperCase()} query`;
      void vscode.window.showWarningMessage(`Threat Briefings: ${reason}.`);
      return { inserted: false, kind, reason };
    }
    if (!text.endsWith('\n')) text += '\n';
  }
  // Plain text, not a snippet: queries contain `$` and `\` that snippet syntax would eat.
  const ok = await editor.edit((e) => {
    for (const sel of editor.selections) e.replace(sel, text);
  });
  return ok ? { inserted: true, kind } : { inserted: false, kind, reason: 'the editor refused the edit' };
}
