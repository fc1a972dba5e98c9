// Subscriptions are the workspace setting threatBriefings.feeds, so a team shares them through .vscode/settings.json.
import * as vscode from 'vscode';
import { KEYS, settings, updateSetting } from '../core/settings';

export function validateFeedUrl(v: string): string | undefined {
  try {
    const u = new URL(v.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'Only http and https feeds can be polled.';
  } catch {
    return 'Enter a full feed URL, e.g. https://example.com/feed.xml';
  }
}

function requireWorkspace(): void {
  if (!vscode.workspace.workspaceFolders?.length) throw new Error('Open a folder first: feed subscriptions are a workspace setting.');
}

/** Adds a feed (normalised by URL parsing); false when it was subscribed already. */
export async function addSubscription(url: string): Promise<boolean> {
  requireWorkspace();
  const bad = validateFeedUrl(url);
  if (bad) throw new Error(bad);
  const href = new URL(url.trim()).href;
  const feeds = settings().feeds;
  if (feeds.includes(href)) return false;
  await updateSetting(KEYS.feeds, [...feeds, href], vscode.ConfigurationTarget.Workspace);
  return true;
}

/** Removes a feed; false when it was not subscribed. */
export async function removeSubscription(url: string): Promise<boolean> {
  requireWorkspace();
  const feeds = settings().feeds;
  const kept = feeds.filter((f) => f !== url);
  if (kept.length === feeds.length) return false;
  await updateSetting(KEYS.feeds, kept.length ? kept : undefined, vscode.ConfigurationTarget.Workspace);
  return true;
}
