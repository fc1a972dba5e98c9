import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { briefLoaded } from '../../../src/engine/brief';
import { fetchUrl } from '../../../src/engine/article/fetch';
import type { Article } from '../../../src/engine/model';
import { describeRefresh, refreshFeeds, RefreshFeedsOptions } from '../../../src/engine/feeds';
import { entryKey, FEED_STATE_PATH, readFeedStates } from '../../../src/engine/store/feedState';
import { nodeStoreFs } from '../../../src/engine/store/nodeFs';
import { BriefingStore } from '../../../src/engine/store/store';
import { entry, FeedServer, startFeedServer } from '../../support/feedServer';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort();
}

describe('feed subscriptions (refreshFeeds)', () => {
  let server: FeedServer;
  let dir: string;
  let briefed: string[];
  const options = (over: Partial<RefreshFeedsOptions> = {}): RefreshFeedsOptions => {
    const fs = nodeStoreFs(dir);
    const store = new BriefingStore(fs);
    return {
      fs,
      brief: async (a: Article) => {
        briefed.push(a.title);
        return briefLoaded(a);
      },
      write: (r) => store.write(r.briefing, r.markdown, r.json, { today: '2026-11-30' }),
      now: () => new Date('2026-11-30T12:00:00Z'),
      // The feeds are on 127.0.0.1: allowPrivate is ignored by today's fetchUrl and needed once private addresses are refused.
      fetchOptions: { allowPrivate: true } as never,
      ...over,
    };
  };

  beforeEach(async () => {
    server = await startFeedServer();
    dir = mkdtempSync(path.join(tmpdir(), 'tb-feeds-'));
    briefed = [];
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('first poll writes one briefing per entry; a second poll gets 304 and briefs nothing', async () => {
    server.feeds.set('/a.xml', [entry('alpha'), entry('bravo'), entry('charlie')]);
    const url = `${server.base}/a.xml`;
    const [first] = await refreshFeeds([url], options());
    assert.equal(first.status, 'checked');
    assert.deepEqual(first.entries.map((e) => e.status), ['written', 'written', 'written']);
    assert.equal(markdownFiles(dir).length, 3);
    assert.equal(briefed.length, 3);
    const state = (await readFeedStates(nodeStoreFs(dir)))[url];
    assert.ok(state.etag && state.lastModified, 'validators stored');
    assert.equal(state.seen.length, 3);
    assert.equal(state.title, 'Feed /a.xml');

    const [second] = await refreshFeeds([url], options());
    assert.equal(second.status, 'unchanged');
    assert.equal(describeRefresh(second), 'Feed /a.xml: unchanged (304)');
    assert.deepEqual(server.hits.get('/a.xml'), { full: 1, notModified: 1 });
    assert.equal(briefed.length, 3, 'nothing re-briefed');
    assert.equal(markdownFiles(dir).length, 3);
  });

  it('a new entry later → only it is briefed and written', async () => {
    server.feeds.set('/a.xml', [entry('alpha'), entry('bravo')]);
    const url = `${server.base}/a.xml`;
    await refreshFeeds([url], options());
    server.feeds.set('/a.xml', [entry('delta', '2026-11-04'), entry('alpha'), entry('bravo')]);
    const [r] = await refreshFeeds([url], options());
    assert.deepEqual(r.entries.map((e) => [e.title, e.status]), [['Loader campaign delta hits finance', 'written']]);
    assert.deepEqual(briefed, ['Loader campaign alpha hits finance', 'Loader campaign bravo hits finance', 'Loader campaign delta hits finance']);
    assert.equal(markdownFiles(dir).length, 3);
    assert.deepEqual(server.hits.get('/a.xml'), { full: 2, notModified: 0 });
  });

  it('without validators from the server, seen entries still are not re-briefed ("no new entries")', async () => {
    server.feeds.set('/a.xml', [entry('alpha')]);
    const url = `${server.base}/a.xml`;
    await refreshFeeds([url], options());
    // Forget the validators, as with a server that sends none.
    const file = path.join(dir, ...FEED_STATE_PATH.split('/'));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { feeds: Array<Record<string, unknown>> };
    for (const f of saved.feeds) {
      delete f.etag;
      delete f.lastModified;
    }
    writeFileSync(file, JSON.stringify(saved));
    const [r] = await refreshFeeds([url], options());
    assert.equal(r.status, 'checked');
    assert.equal(describeRefresh(r), 'Feed /a.xml: no new entries');
    assert.equal(briefed.length, 1);
  });

  it('a broken feed beside a good one: the good one is written, the failure reported and counted', async () => {
    server.feeds.set('/good.xml', [entry('alpha')]);
    const urls = [`${server.base}/broken.xml`, `${server.base}/missing.xml`, `${server.base}/good.xml`];
    const results = await refreshFeeds(urls, options());
    assert.deepEqual(results.map((r) => r.status), ['failed', 'failed', 'checked']);
    assert.match(results[0].error ?? '', /not well-formed XML/);
    assert.match(results[1].error ?? '', /404/);
    assert.equal(markdownFiles(dir).length, 1);
    const states = await readFeedStates(nodeStoreFs(dir));
    assert.equal(states[urls[0]].failures, 1);
    assert.equal(states[urls[2]].failures, 0);
    await refreshFeeds(urls, options());
    assert.equal((await readFeedStates(nodeStoreFs(dir)))[urls[0]].failures, 2);
  });

  it('one entry failing is reported, the others are written, and it is retried on the next poll', async () => {
    server.feeds.set('/a.xml', [entry('alpha'), entry('bravo')]);
    const url = `${server.base}/a.xml`;
    let fail = true;
    const base = options();
    const flaky = options({
      brief: async (a) => {
        if (fail && /bravo/.test(a.title)) throw new Error('boom');
        return base.brief(a);
      },
    });
    const [r] = await refreshFeeds([url], flaky);
    assert.deepEqual(r.entries.map((e) => e.status), ['written', 'failed']);
    assert.equal(r.entries[1].error, 'boom');
    assert.equal(r.state.etag, undefined, 'validators dropped so the next poll downloads the feed again');
    fail = false;
    const [again] = await refreshFeeds([url], flaky);
    assert.deepEqual(again.entries.map((e) => [e.title, e.status]), [['Loader campaign bravo hits finance', 'written']]);
  });

  it('keeps only briefings at or above the minimum severity, remembering the rest as seen', async () => {
    server.feeds.set('/a.xml', [entry('alpha'), entry('bravo')]);
    const url = `${server.base}/a.xml`;
    const rated = options({
      minSeverity: 'HIGH',
      brief: async (a) => {
        const r = briefLoaded(a);
        return { ...r, briefing: { ...r.briefing, severity: /alpha/.test(a.title) ? 'CRIT' : 'LOW' } };
      },
    });
    const [r] = await refreshFeeds([url], rated);
    assert.deepEqual(r.entries.map((e) => [e.status, e.severity]), [['written', 'CRIT'], ['below-threshold', 'LOW']]);
    assert.equal(markdownFiles(dir).length, 1);
    assert.equal(r.state.seen.length, 2);
  });

  it('records entries the store already holds as seen ("already briefed")', async () => {
    server.feeds.set('/a.xml', [entry('alpha')]);
    const url = `${server.base}/a.xml`;
    const r0 = briefLoaded({ title: 'x', source: 'Feed', url: `${server.base}/posts/alpha`, text: 'The loader beacons to alpha-c2-node[.]top.' } as Article);
    await new BriefingStore(nodeStoreFs(dir)).write(r0.briefing, r0.markdown, r0.json, { today: '2026-11-30' });
    const [r] = await refreshFeeds([url], options());
    assert.equal(r.entries[0].status, 'duplicate');
    assert.deepEqual(r.state.seen, [`${server.base}/posts/alpha`]);
    assert.equal(markdownFiles(dir).length, 1);
  });

  it('fetches the full article per entry with fullText, through the injected fetch', async () => {
    server.feeds.set('/a.xml', [entry('alpha')]);
    const fetched: string[] = [];
    const [r] = await refreshFeeds([`${server.base}/a.xml`], options({
      fullText: true,
      fetch: (u, o) => {
        fetched.push(u.replace(server.base, ''));
        return fetchUrl(u, o);
      },
    }));
    assert.deepEqual(fetched, ['/a.xml', '/posts/alpha']);
    assert.equal(r.entries[0].status, 'written');
    const json = readFileSync(path.join(dir, r.entries[0].markdownPath!.replace(/\.md$/, '.json')), 'utf8');
    assert.match(json, /alpha-stage2-payload\.xyz/, 'the IOC only the full page has');
  });

  it('a corrupt feeds.json is moved aside with a warning and polling starts fresh', async () => {
    server.feeds.set('/a.xml', [entry('alpha')]);
    mkdirSync(path.join(dir, '.threat-briefings'));
    writeFileSync(path.join(dir, ...FEED_STATE_PATH.split('/')), '{"feeds": [ oops');
    const warnings: string[] = [];
    const [r] = await refreshFeeds([`${server.base}/a.xml`], options({ warn: (m) => warnings.push(m) }));
    assert.equal(r.entries[0].status, 'written');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /unreadable.*moved it to \.threat-briefings\/feeds\.json\.corrupt-/);
    // The folder also holds the store's own index; only the feed-state files are counted here.
    const names = readdirSync(path.join(dir, '.threat-briefings')).filter((n) => n.startsWith('feeds.json')).sort();
    assert.equal(names.length, 2, names.join());
    assert.ok(names.some((n) => n.startsWith('feeds.json.corrupt-')));
    assert.equal(Object.keys(await readFeedStates(nodeStoreFs(dir))).length, 1);
  });

  it('feeds.json is deterministic: feeds sorted by URL, two-space JSON, trailing newline', async () => {
    server.feeds.set('/b.xml', [entry('bravo')]);
    server.feeds.set('/a.xml', [entry('alpha')]);
    await refreshFeeds([`${server.base}/b.xml`, `${server.base}/a.xml`], options());
    const text = readFileSync(path.join(dir, ...FEED_STATE_PATH.split('/')), 'utf8');
    const parsed = JSON.parse(text) as { version: number; feeds: Array<{ url: string; lastChecked: string }> };
    assert.equal(parsed.version, 1);
    assert.deepEqual(parsed.feeds.map((f) => f.url), [`${server.base}/a.xml`, `${server.base}/b.xml`]);
    assert.equal(parsed.feeds[0].lastChecked, '2026-11-30T12:00:00.000Z');
    assert.ok(text.endsWith('}\n'));
    assert.equal(text, `${JSON.stringify(parsed, null, 2)}\n`);
  });

  it('entry keys: guid, else the normalised link, else the title', () => {
    assert.equal(entryKey({ guid: 'urn:1', link: 'https://x.org/a' }), 'urn:1');
    assert.equal(entryKey({ link: 'HTTPS://X.org/a/#top' }), 'x.org/a');
    assert.equal(entryKey({ title: ' Hello ' }), 'title:hello');
  });
});
