// Polling the subscribed feeds in the editor: the engine's refreshFeeds over workspace.fs, briefing in the worker
// thread (same MITRE ATT&CK® data as the hovers), inside one cancellable progress notification.
import * as vscode from 'vscode';
import type { Article } from '../../engine/model';
import { describeRefresh, EntryOutcome, FeedRefresh, refreshFeeds } from '../../engine/feeds';
import { todayUtc } from '../../engine/store/store';
import { attackDataForWorker } from '../attack/data';
import { openStore } from '../core/briefingsFolder';
import { log } from '../core/log';
import { settings } from '../core/settings';
import { workspaceStoreFs } from '../core/storeFs';
import { briefInWorker } from '../generate/workerClient';
import type { BriefingsTree } from '../tree/briefingsTree';
import { notifySevere } from './notify';
import { fetchOptions, plainFetchOptions } from '../core/fetchOptions';

export interface RefreshSummary {
  feeds: Array<{ url: string; status: FeedRefresh['status']; error?: string; written: string[] }>;
  written: number;
  failedFeeds: number;
  cancelled: boolean;
}

// One refresh at a time (timer, command, subscribe): a second one waits for the first, so two never write the
// same feed state or brief the same entry at once.
let running: Promise<unknown> = Promise.resolve();

/** Refreshes the given feeds (default: every subscription). Rejects when the workspace cannot be polled. */
export function refreshFeedsInEditor(tree: BriefingsTree, urls?: string[]): Promise<RefreshSummary> {
  const next = running.catch(() => undefined).then(() => refreshNow(tree, urls));
  running = next;
  return next;
}

async function refreshNow(tree: BriefingsTree, urls?: string[]): Promise<RefreshSummary> {
  if (!vscode.workspace.isTrusted) {
    throw new Error('Feeds from workspace settings are fetched only in a trusted workspace. Trust this workspace to poll them.');
  }
  const opened = openStore();
  if (!opened) throw new Error('Open a folder first: briefings from feeds are saved in its briefings folder.');
  const feeds = urls ?? settings().feeds;
  if (!feeds.length) return { feeds: [], written: 0, failedFeeds: 0, cancelled: false };
  return run(tree, opened, feeds);
}

async function run(tree: BriefingsTree, opened: NonNullable<ReturnType<typeof openStore>>, urls: string[]): Promise<RefreshSummary> {
  const { feedPolling } = settings();
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Refreshing feeds', cancellable: true }, async (progress, token) => {
    const ac = new AbortController();
    token.onCancellationRequested(() => ac.abort());
    const written: EntryOutcome[] = [];
    log().info(`Refreshing ${urls.length} feed(s), minimum severity ${feedPolling.minSeverity}${feedPolling.fullText ? ', full text' : ''}`);
    const results = await refreshFeeds(urls, {
      fs: workspaceStoreFs(opened.root),
      fetchOptions: fetchOptions(ac.signal),
      fullText: feedPolling.fullText,
      minSeverity: feedPolling.minSeverity,
      signal: ac.signal,
      brief: (article: Article) => briefInWorker({ article }, attackDataForWorker() ?? null, plainFetchOptions(), ac.signal),
      write: (r) => opened.store.write(r.briefing, r.markdown, r.json, { today: todayUtc() }),
      warn: (m) => log().warn(m),
      onFeed: (r, i) => {
        for (const e of r.entries) {
          if (e.status === 'written') {
            written.push(e);
            log().info(`Wrote ${e.markdownPath} [${e.severity}] from ${r.url}`);
          } else if (e.status === 'failed') log().error(`Entry failed: ${e.title}: ${e.error}`);
        }
        (r.status === 'failed' ? log().error : log().info).call(log(), describeRefresh(r));
        progress.report({ message: `${i + 1}/${urls.length} ${r.title || r.url}`, increment: 100 / urls.length });
      },
    });
    // The file watcher would notice too, but a poll's results should show at once.
    if (written.length) tree.refresh();
    const summary: RefreshSummary = {
      feeds: results.map((r) => ({ url: r.url, status: r.status, ...(r.error ? { error: r.error } : {}), written: r.entries.filter((e) => e.status === 'written').map((e) => e.markdownPath as string) })),
      written: written.length,
      failedFeeds: results.filter((r) => r.status === 'failed').length,
      cancelled: ac.signal.aborted,
    };
    void notifySevere(opened.root, written);
    return summary;
  });
}
