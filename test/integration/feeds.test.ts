import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { entry, FeedServer, startFeedServer } from '../support/feedServer';

type Summary = { feeds: Array<{ url: string; status: string; error?: string; written: string[] }>; written: number; failedFeeds: number; cancelled: boolean };
type Api = { tree: { briefings(): Promise<Array<{ markdownPath: string; briefing: { title: string } }>>; getChildren(): Promise<unknown[]> } };

function briefingsDir(): string {
  return path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'briefings');
}

function markdownFiles(): string[] {
  const dir = briefingsDir();
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort() : [];
}

describe('feed subscriptions in VS Code', () => {
  let server: FeedServer;
  let api: Api;
  // The feeds are served on 127.0.0.1: private addresses are allowed for this suite only.
  before(async () => {
    api = (await vscode.extensions.getExtension('threat-briefings.threat-briefings')!.activate()) as Api;
    await vscode.workspace.getConfiguration('threatBriefings').update('fetch.allowPrivateAddresses', true, vscode.ConfigurationTarget.Global);
    server = await startFeedServer();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('threatBriefings').update('feeds', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('threatBriefings').update('feedPolling.pollMinutes', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('threatBriefings').update('fetch.allowPrivateAddresses', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
  });

  it('subscribing writes each entry once and shows it in the tree; a refresh answered 304 creates nothing', async () => {
    server.feeds.set('/feed-a.xml', [entry('feedalpha'), entry('feedbravo')]);
    const url = `${server.base}/feed-a.xml`;
    const before = markdownFiles();
    const first = await vscode.commands.executeCommand<Summary>('threatBriefings.subscribeFeed', url);
    assert.ok(first, 'a summary was returned');
    assert.equal(first.written, 2, JSON.stringify(first));
    assert.deepEqual(vscode.workspace.getConfiguration('threatBriefings').get('feeds'), [url]);
    const added = markdownFiles().filter((f) => !before.includes(f));
    assert.deepEqual(added.map((f) => path.basename(f)), ['loader-campaign-feedalpha-hits-finance.md', 'loader-campaign-feedbravo-hits-finance.md']);
    assert.ok(fs.existsSync(path.join(briefingsDir(), '.threat-briefings', 'feeds.json')), 'state shared with the CLI');
    const listed = (await api.tree.briefings()).map((b) => b.briefing.title);
    assert.ok(listed.includes('Loader campaign feedalpha hits finance'), listed.join(' | '));
    assert.ok(listed.includes('Loader campaign feedbravo hits finance'));

    const again = await vscode.commands.executeCommand<Summary>('threatBriefings.refreshFeeds');
    assert.equal(again.written, 0);
    assert.deepEqual(again.feeds.map((f) => f.status), ['unchanged']);
    assert.deepEqual(server.hits.get('/feed-a.xml'), { full: 1, notModified: 1 });
    assert.equal(markdownFiles().length, before.length + 2);
  });

  it('one failing feed beside a good one: the good one is written, the failure reported', async () => {
    const missing = `${server.base}/feed-missing.xml`;
    await vscode.commands.executeCommand('threatBriefings.subscribeFeed', missing);
    server.feeds.set('/feed-a.xml', [entry('feedcharlie', '2026-11-04'), entry('feedalpha'), entry('feedbravo')]);
    const count = markdownFiles().length;
    const r = await vscode.commands.executeCommand<Summary>('threatBriefings.refreshFeeds');
    assert.equal(r.failedFeeds, 1);
    const bad = r.feeds.find((f) => f.url === missing);
    assert.equal(bad?.status, 'failed');
    assert.match(bad?.error ?? '', /404/);
    assert.deepEqual(r.feeds.find((f) => f.url.endsWith('/feed-a.xml'))?.written, ['2026-11-04/loader-campaign-feedcharlie-hits-finance.md']);
    assert.equal(markdownFiles().length, count + 1);
  });

  it('the poll timer refreshes the subscriptions; its setting leaves the feed list alone; unsubscribing', async () => {
    const cfg = () => vscode.workspace.getConfiguration('threatBriefings');
    const count = markdownFiles().length;
    server.feeds.set('/feed-a.xml', [entry('feeddelta', '2026-11-05'), entry('feedcharlie', '2026-11-04'), entry('feedalpha'), entry('feedbravo')]);
    // A tiny interval (about a second) so the test sees the timer fire.
    await cfg().update('feedPolling.pollMinutes', 0.02, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal(cfg().get('feedPolling.pollMinutes'), 0.02);
      const feeds = cfg().get<string[]>('feeds');
      assert.ok(Array.isArray(feeds) && feeds.length === 2 && feeds.every((f) => typeof f === 'string'), JSON.stringify(feeds));
      const deadline = Date.now() + 15_000;
      while (markdownFiles().length === count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      assert.equal(markdownFiles().length, count + 1, 'the timer wrote the new entry');
      assert.ok(markdownFiles().some((f) => f.endsWith('loader-campaign-feeddelta-hits-finance.md')));
    } finally {
      await cfg().update('feedPolling.pollMinutes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const removed = await vscode.commands.executeCommand<boolean>('threatBriefings.unsubscribeFeed', `${server.base}/feed-missing.xml`);
    assert.equal(removed, true);
    assert.deepEqual(cfg().get('feeds'), [`${server.base}/feed-a.xml`]);
  });

  it('keeps the one-shot Generate Briefings from Feed… working beside subscriptions', async () => {
    server.feeds.set('/feed-once.xml', [entry('feedonce')]);
    const n = await vscode.commands.executeCommand<number>('threatBriefings.generateFromFeed', `${server.base}/feed-once.xml`);
    assert.equal(n, 1);
  });
});
