import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { entry, FeedServer, startFeedServer } from '../../support/feedServer';
import { runCli } from './capture';

function markdownFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')) : [];
}

describe('cli feed: polling several feeds with shared state', () => {
  let server: FeedServer;
  let dir: string;
  beforeEach(async () => {
    server = await startFeedServer();
    dir = mkdtempSync(path.join(tmpdir(), 'tb-cli-feeds-'));
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('several URLs: every entry once, then "unchanged (304)" and nothing written on the second run', async () => {
    // After the private-address branch lands these runs need --allow-private (the server is on 127.0.0.1).
    server.feeds.set('/a.xml', [entry('alpha'), entry('bravo')]);
    server.feeds.set('/b.xml', [entry('charlie')]);
    const out = path.join(dir, 'briefings');
    const args = ['feed', `${server.base}/a.xml`, `${server.base}/b.xml`, '--out', out, '--allow-private'];
    const first = await runCli(args);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /3 written, 0 skipped, 0 failed \(3 new entries in 2 feeds\)/);
    assert.equal(markdownFiles(out).length, 3);
    assert.ok(existsSync(path.join(out, '.threat-briefings', 'feeds.json')));

    const second = await runCli(args);
    assert.equal(second.code, 0, second.err);
    assert.match(second.out, /Feed \/a\.xml: unchanged \(304\)/);
    assert.match(second.out, /Feed \/b\.xml: unchanged \(304\)/);
    assert.match(second.out, /0 written, 0 skipped, 0 failed \(0 new entries in 2 feeds\)/);
    assert.equal(markdownFiles(out).length, 3);
    assert.deepEqual(server.hits.get('/a.xml'), { full: 1, notModified: 1 });

    server.feeds.set('/b.xml', [entry('delta'), entry('charlie')]);
    const third = await runCli(args);
    assert.match(third.out, /Feed \/b\.xml: 1 new entry: 1 written/);
    assert.equal(markdownFiles(out).length, 4);
  });

  it('one failing feed is reported, the others are written, and the exit code is 1', async () => {
    server.feeds.set('/good.xml', [entry('alpha')]);
    const out = path.join(dir, 'briefings');
    const r = await runCli(['feed', `${server.base}/missing.xml`, `${server.base}/good.xml`, '--out', out, '--allow-private']);
    assert.equal(r.code, 1);
    assert.match(r.err, /missing\.xml: failed: Server answered 404/);
    assert.match(r.out, /1 written, 0 skipped, 0 failed \(1 new entry in 2 feeds, 1 feed failed\)/);
    assert.equal(markdownFiles(out).length, 1);
  });

  it('--min-severity keeps only briefings at or above it; a bad value is a usage error', async () => {
    server.feeds.set('/a.xml', [entry('alpha')]);
    const out = path.join(dir, 'briefings');
    const r = await runCli(['feed', `${server.base}/a.xml`, '--out', out, '--min-severity', 'crit', '--allow-private']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /below the minimum severity/);
    assert.equal(markdownFiles(out).length, 0);
    const bad = await runCli(['feed', `${server.base}/a.xml`, '--out', out, '--min-severity', 'SEVERE', '--allow-private']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--min-severity must be one of LOW, MED, HIGH, CRIT/);
  });
});
