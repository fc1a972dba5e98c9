// Feed subscriptions: Subscribe to Feed…, Unsubscribe from Feed…, Refresh Feeds, and the poll timer.
// The one-shot picker (Generate Briefings from Feed…) stays in generate/.
import * as vscode from 'vscode';
import { command } from '../core/commands';
import { settings } from '../core/settings';
import type { BriefingsTree } from '../tree/briefingsTree';
import { startPoller } from './poller';
import { refreshFeedsInEditor, RefreshSummary } from './refresh';
import { addSubscription, removeSubscription, validateFeedUrl } from './subscriptions';

function describe(s: RefreshSummary): string {
  if (s.cancelled) return `Feed refresh cancelled; ${s.written} briefing(s) written before that.`;
  const unchanged = s.feeds.filter((f) => f.status === 'unchanged').length;
  const failed = s.failedFeeds ? ` ${s.failedFeeds} feed(s) failed; see Show Logs.` : '';
  if (!s.written) return `No new briefings from ${s.feeds.length} feed(s)${unchanged ? ` (${unchanged} unchanged)` : ''}.${failed}`;
  return `${s.written} new briefing(s) from ${s.feeds.length} feed(s).${failed}`;
}

async function report(s: RefreshSummary): Promise<RefreshSummary> {
  const text = `Threat Briefings: ${describe(s)}`;
  if (s.failedFeeds) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
  return s;
}

export function registerFeeds(tree: BriefingsTree): vscode.Disposable[] {
  return [
    command('threatBriefings.subscribeFeed', async (arg?: unknown) => {
      const url = typeof arg === 'string' ? arg : await vscode.window.showInputBox({
        title: 'Subscribe to feed', prompt: 'RSS or Atom feed URL; new entries become briefings', placeHolder: 'https://…/feed.xml',
        validateInput: validateFeedUrl, ignoreFocusOut: true,
      });
      if (!url) return undefined;
      // Checked before the setting is written: a subscription that cannot be polled here would only mislead.
      if (!vscode.workspace.isTrusted) throw new Error('Subscribing needs a trusted workspace: briefings are written into it and its feed settings are fetched.');
      const href = new URL(url.trim()).href;
      if (!(await addSubscription(url))) void vscode.window.showInformationMessage(`Threat Briefings: already subscribed to ${href}; refreshing it.`);
      return report(await refreshFeedsInEditor(tree, [href]));
    }),
    command('threatBriefings.unsubscribeFeed', async (arg?: unknown) => {
      const feeds = settings().feeds;
      if (!feeds.length && typeof arg !== 'string') {
        void vscode.window.showInformationMessage('Threat Briefings: no feed subscriptions in this workspace.');
        return false;
      }
      const url = typeof arg === 'string' ? arg : (await vscode.window.showQuickPick(feeds, { title: 'Unsubscribe from feed' }));
      if (!url) return false;
      const removed = await removeSubscription(url);
      if (removed) void vscode.window.showInformationMessage(`Threat Briefings: unsubscribed from ${url}. Its briefings stay.`);
      return removed;
    }),
    command('threatBriefings.refreshFeeds', async () => {
      if (!settings().feeds.length) {
        void vscode.window.showInformationMessage('Threat Briefings: no feed subscriptions yet. Use Subscribe to Feed… first.');
        return undefined;
      }
      return report(await refreshFeedsInEditor(tree));
    }),
    startPoller(() => refreshFeedsInEditor(tree)),
  ];
}
