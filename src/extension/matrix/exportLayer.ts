// "Export ATT&CK Navigator Layer…": the briefings (optionally filtered, as the matrix view passes them) → a layer
// file the user picks. Tests pass the target URI to skip the save dialog.
import * as vscode from 'vscode';
import { BriefingFilter, cleanFilter, passesFilter } from '../../engine/exports/matrixFilter';
import { navigatorLayerJson } from '../../engine/exports/navigator';
import { VERSION } from '../../engine/version';
import { loadMatrixData } from './data';

export async function exportNavigatorLayer(filterArg?: unknown, targetArg?: unknown): Promise<vscode.Uri | undefined> {
  const filter: BriefingFilter = cleanFilter(filterArg);
  const data = await loadMatrixData();
  const briefings = data.briefings.filter((b) => passesFilter(b, filter));
  if (!briefings.length) {
    void vscode.window.showInformationMessage('Threat Briefings: no briefings match, so there is no layer to export.');
    return undefined;
  }
  const ws = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = targetArg instanceof vscode.Uri ? targetArg : await vscode.window.showSaveDialog({
    title: 'Export ATT&CK Navigator Layer',
    saveLabel: 'Export Layer',
    filters: { 'ATT&CK Navigator layer': ['json'] },
    ...(ws ? { defaultUri: vscode.Uri.joinPath(ws, 'threat-briefings-layer.json') } : {}),
  });
  if (!target) return undefined;
  const json = navigatorLayerJson(briefings, { filter, attack: data.attack, generator: `threat-briefings ${VERSION}` });
  await vscode.workspace.fs.writeFile(target, Buffer.from(json, 'utf8'));
  // Not awaited: the command returns (and tests continue) while the notification waits for the user.
  void vscode.window.showInformationMessage(`Threat Briefings: layer with ${briefings.length} briefing(s) saved to ${vscode.workspace.asRelativePath(target)}.`, 'Open')
    .then((pick) => (pick === 'Open' ? vscode.window.showTextDocument(target) : undefined));
  return target;
}
