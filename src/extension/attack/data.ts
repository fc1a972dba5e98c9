import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { AttackIndex, clearAttackIndexCache, loadAttackIndex } from '../../engine/attack/lookup';
import { log, logError } from '../core/log';
import { settings } from '../core/settings';

// The MITRE ATT&CK® index is loaded on first use (never at activation): the user's file from the setting, else
// the index built into the extension package.
let cached: { index: AttackIndex; source: string; file?: string } | undefined;
/** Bumped whenever the data may have changed, so a worker that loaded the old data reloads. */
let generation = 0;
let failedOnce = false;
let userIndexFile: string | undefined;

/** Where "Load ATT&CK Data…" caches a user-built index (the extension's global storage). */
export function initAttackData(globalStorage: vscode.Uri, fileName: string): void {
  userIndexFile = vscode.Uri.joinPath(globalStorage, fileName).fsPath;
}

export function attackIndex(): AttackIndex | undefined {
  if (cached) return cached.index;
  const custom = settings().attackDataPath;
  try {
    const t0 = performance.now();
    const userBuilt = userIndexFile && existsSync(userIndexFile) ? userIndexFile : undefined;
    const file = custom || userBuilt;
    const index = loadAttackIndex(file);
    cached = { index, source: file ?? 'bundled index', ...(file ? { file } : {}) };
    log().info(`MITRE ATT&CK® v${index.attackVersion} loaded from ${cached.source} in ${(performance.now() - t0).toFixed(0)} ms`);
    return index;
  } catch (e) {
    if (!failedOnce) {
      failedOnce = true;
      logError('Could not load MITRE ATT&CK® data', e);
      void vscode.window.showWarningMessage(`Threat Briefings: ${(e as Error).message}`);
    }
    return undefined;
  }
}

/**
 * What a worker thread should load to use the same data: the file (undefined = the bundled index) and a stamp that
 * changes when the data does; undefined when no ATT&CK data can be loaded (briefings then have no techniques).
 */
export function attackDataForWorker(): { file: string | undefined; stamp: string } | undefined {
  if (!attackIndex()) return undefined;
  return { file: cached?.file, stamp: `${generation}:${cached?.source}` };
}

/** Forget the loaded index (after the setting changes or the user loads new data). */
export function resetAttackIndex(): void {
  generation++;
  cached = undefined;
  failedOnce = false;
  clearAttackIndexCache();
}
