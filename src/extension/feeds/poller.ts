// The poll timer: threatBriefings.feedPolling.pollMinutes (0 = off) refreshes every subscription, only in a trusted
// workspace, restarted when the interval, the subscriptions or the trust change.
import * as vscode from 'vscode';
import { logError, log } from '../core/log';
import { affects, KEYS, settings } from '../core/settings';

export function startPoller(refresh: () => Promise<unknown>): vscode.Disposable {
  let timer: ReturnType<typeof setInterval> | undefined;
  const restart = () => {
    clearInterval(timer);
    timer = undefined;
    const { feeds, feedPolling } = settings();
    if (!feedPolling.pollMinutes || !feeds.length || !vscode.workspace.isTrusted) return;
    log().info(`Polling ${feeds.length} feed(s) every ${feedPolling.pollMinutes} minute(s)`);
    timer = setInterval(() => {
      refresh().catch((e: unknown) => logError('Scheduled feed refresh failed', e));
    }, feedPolling.pollMinutes * 60_000);
  };
  restart();
  const listeners = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, KEYS.feeds, KEYS.feedsPollMinutes)) restart();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
  ];
  return { dispose: () => { clearInterval(timer); listeners.forEach((l) => l.dispose()); } };
}
