// Every threatBriefings.* setting, read in one typed place: the keys, their types and defaults are defined once
// here (package.json declares them for the Settings UI).
import * as vscode from 'vscode';
import { SEVERITIES, Severity } from '../../engine/model';
import type { GroupBy } from '../../engine/store/grouping';

export type { GroupBy } from '../../engine/store/grouping';
export type OpenBriefingAs = 'preview' | 'source';

export const SECTION = 'threatBriefings';

/** Setting keys under `threatBriefings.`, for reads, writes and change events. */
export const KEYS = {
  briefingsFolder: 'briefingsFolder',
  feeds: 'feeds',
  // Not under `feeds.`: that key holds the subscription list (an array), and VS Code cannot nest settings under it.
  feedsPollMinutes: 'feedPolling.pollMinutes',
  feedsMinSeverity: 'feedPolling.minSeverity',
  feedsFullText: 'feedPolling.fullText',
  fetchMaxBytes: 'fetch.maxBytes',
  fetchTimeoutSeconds: 'fetch.timeoutSeconds',
  fetchAllowPrivateAddresses: 'fetch.allowPrivateAddresses',
  attackDataPath: 'attackDataPath',
  treeGroupBy: 'tree.groupBy',
  openBriefingAs: 'openBriefingAs',
} as const;

export interface Settings {
  briefingsFolder: string;
  /** Subscribed feed URLs (workspace setting). */
  feeds: string[];
  feedPolling: { pollMinutes: number; minSeverity: Severity; fullText: boolean };
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
    feeds: stringList(cfg.get<unknown>(KEYS.feeds, [])),
    feedPolling: {
      pollMinutes: Math.max(0, Number(cfg.get<number>(KEYS.feedsPollMinutes, 0)) || 0),
      minSeverity: severity(cfg.get<string>(KEYS.feedsMinSeverity, 'LOW')),
      fullText: cfg.get<boolean>(KEYS.feedsFullText, false) === true,
    },
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

// Hand-edited settings.json can hold anything; a bad value falls back instead of breaking polling.
function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : [];
}

function severity(v: string | undefined): Severity {
  const s = (v ?? '').toUpperCase();
  return (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : 'LOW';
}

export async function updateSetting(key: (typeof KEYS)[keyof typeof KEYS], value: unknown, target = vscode.ConfigurationTarget.Global): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, target);
}

/** True when a configuration change touches any of the given keys. */
export function affects(e: vscode.ConfigurationChangeEvent, ...keys: Array<(typeof KEYS)[keyof typeof KEYS]>): boolean {
  return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}
