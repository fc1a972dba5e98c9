// Hunt commands. Inserting and exporting hunts arrive with the hunt catalogue; until then they say so plainly.
import * as vscode from 'vscode';
import { command } from '../core/commands';

const PENDING: Record<string, string> = {
  'threatBriefings.insertHunt': 'Inserting hunts',
  'threatBriefings.exportHunt': 'Exporting hunts',
};

export function registerHunts(): vscode.Disposable[] {
  return Object.entries(PENDING).map(([id, what]) =>
    command(id, () => vscode.window.showInformationMessage(`Threat Briefings: ${what} is not available in this version yet.`)));
}
