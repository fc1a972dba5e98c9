// New HIGH/CRIT briefings from a poll deserve a notification the user can act on; the others only go to the log.
import * as vscode from 'vscode';
import type { EntryOutcome } from '../../engine/feeds';
import { settings } from '../core/settings';

async function open(uri: vscode.Uri): Promise<void> {
  if (settings().openBriefingAs === 'preview') await vscode.commands.executeCommand('markdown.showPreview', uri);
  else await vscode.window.showTextDocument(uri, { preview: true });
}

/** One notification for all the severe briefings of a refresh; "Open" opens it, or offers the list when several. */
export async function notifySevere(root: vscode.Uri, written: EntryOutcome[]): Promise<void> {
  const severe = written.filter((e) => e.markdownPath && (e.severity === 'HIGH' || e.severity === 'CRIT'));
  if (!severe.length) return;
  const uriOf = (e: EntryOutcome) => vscode.Uri.joinPath(root, ...(e.markdownPath as string).split('/'));
  const message = severe.length === 1
    ? `New ${severe[0].severity} briefing from a feed: ${severe[0].title}`
    : `${severe.length} new HIGH/CRIT briefings from feeds: ${severe.map((e) => e.title).slice(0, 3).join('; ')}${severe.length > 3 ? '…' : ''}`;
  const choice = await vscode.window.showInformationMessage(`Threat Briefings: ${message}`, 'Open');
  if (choice !== 'Open') return;
  if (severe.length === 1) return open(uriOf(severe[0]));
  const pick = await vscode.window.showQuickPick(severe.map((e) => ({ label: `[${e.severity}] ${e.title}`, description: e.markdownPath, e })), { title: 'Open a new briefing' });
  if (pick) await open(uriOf(pick.e));
}
