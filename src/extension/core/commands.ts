// Command registration shared by the feature folders: every handler is guarded, so a failure becomes one clear
// message plus a log line, never an unhandled rejection.
import * as vscode from 'vscode';
import { logError } from './log';

export type Handler = (...args: unknown[]) => unknown;

export function guarded(name: string, fn: Handler): Handler {
  return async (...args: unknown[]) => {
    try {
      return await fn(...args);
    } catch (e) {
      logError(`${name} failed`, e);
      void vscode.window.showErrorMessage(`Threat Briefings: ${(e as Error)?.message ?? String(e)}`);
      return undefined;
    }
  };
}

/** Registers a guarded command. */
export function command(id: string, fn: Handler): vscode.Disposable {
  return vscode.commands.registerCommand(id, guarded(id, fn));
}
