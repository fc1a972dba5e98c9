import * as vscode from 'vscode';
import * as path from 'node:path';
import { BriefingStore } from '../../engine/store/store';
import { settings } from './settings';
import { workspaceStoreFs } from './storeFs';

/** The briefings folder from the setting: absolute, or relative to the first workspace folder. */
export function briefingsFolderUri(): vscode.Uri | undefined {
  const setting = settings().briefingsFolder;
  if (path.isAbsolute(setting)) return vscode.Uri.file(setting);
  const ws = vscode.workspace.workspaceFolders?.[0];
  return ws ? vscode.Uri.joinPath(ws.uri, ...setting.split(/[\\/]+/)) : undefined;
}

export function openStore(): { store: BriefingStore; root: vscode.Uri } | undefined {
  const root = briefingsFolderUri();
  return root ? { store: new BriefingStore(workspaceStoreFs(root)), root } : undefined;
}
