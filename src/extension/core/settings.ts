// Every threatBriefings.* setting, read in one typed place: the keys, their types and defaults are defined once
// here (package.json declares them for the Settings UI).
import * as vscode from 'vscode';

export type GroupBy = 'date' | 'severity' | 'source' | 'tactic' | 'technique';
export type OpenBriefingAs = 'preview' | 'source';

export const SECTION = 'threatBriefings';

/** Setting keys under `threatBriefings.`, for reads, writes and change events. */
export const KEYS = {
  briefingsFolder: 'briefingsFolder',
  feeds: 'feeds',
  fetchMaxBytes: 'fetch.maxBytes',
  fetchTimeoutSeconds: 'fetch.timeoutSeconds',
  fetchAllowPrivateAddresses: 'fetch.allowPrivateAddresses',
  attackDataPath: 'attackDataPath',
  treeGroupBy: 'tree.groupBy',
  openBriefingAs: 'openBriefingAs',
} as const;

export interface Settings {
  briefingsFolder: string;
  feeds: string[];
  fetch: { maxBytes: number; timeoutSeconds: number; allowPrivateAddresses: boolean };
  attackDataPath: string;
  tree: { groupBy: GroupBy };
  /** Opening a briefing shows the rendered preview or the Markdown source. */
  openBriefingAs: OpenBriefingAs;
}

export function settings(): Settings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return {
    briefingsFolder: cfg.get<string>(KEYS.briefingsFolder, 'briefings').trim() || 'briefings',
    feeds: cfg.get<string[]>(KEYS.feeds, []),
    fetch: {
      maxBytes: cfg.get<number>(KEYS.fetchMaxBytes, 5_000_000),
      timeoutSeconds: cfg.get<number>(KEYS.fetchTimeoutSeconds, 20),
      allowPrivateAddresses: cfg.get<boolean>(KEYS.fetchAllowPrivateAddresses, false),
    },
    attackDataPath: cfg.get<string>(KEYS.attackDataPath, '').trim(),
    tree: { groupBy: cfg.get<GroupBy>(KEYS.treeGroupBy, 'date') },
    openBriefingAs: cfg.get<OpenBriefingAs>(KEYS.openBriefingAs, 'preview'),
  };
}

export async function updateSetting(key: (typeof KEYS)[keyof typeof KEYS], value: unknown, target = vscode.ConfigurationTarget.Global): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, target);
}

/** True when a configuration change touches any of the given keys. */
export function affects(e: vscode.ConfigurationChangeEvent, ...keys: Array<(typeof KEYS)[keyof typeof KEYS]>): boolean {
  return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}
