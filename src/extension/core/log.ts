import * as vscode from 'vscode';

// One log channel for the whole extension; it opens itself on the first error only, so users are not nagged.
let channel: vscode.LogOutputChannel | undefined;
let shownError = false;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Threat Briefings', { log: true });
  return channel;
}

export function logError(message: string, err?: unknown): void {
  const detail = err instanceof Error ? err.message : err !== undefined ? String(err) : '';
  log().error(detail ? `${message}: ${detail}` : message);
  if (!shownError) {
    shownError = true;
    log().show(true);
  }
}
