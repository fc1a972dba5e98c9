import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeedError, feedEntryToArticle, parseFeed, stripFeedBoilerplate, type FeedEntry } from '../../../src/engine/article/feed';

const FIX = join(__dirname, '../../fixtures/article');
const read = (f: string): string => readFileSync(join(FIX, f), 'utf8');

describe('parseFeed: RSS 2.0', () => {
  it('reads entries with title, link, date, author, categories, guid and content:encoded', async () => {
    const feed = await parseFeed(read('rss-full.xml'));
    assert.equal(feed.title, 'Harbor Threat Notes');
    assert.equal(feed.length, 3);
    assert.equal(feed.entries.length, 3);
    const [e] = feed;
    assert.equal(e.title, 'Shadow Ferry campaign abuses “invoice” lures');
    assert.equal(e.link, 'https://harbor-threat.test/2024/05/shadow-ferry/');
    assert.equal(e.published, '2024-05-02'); // 23:45 -0700 is still the 2nd where it was written
    assert.equal(e.author, 'Ines Park');
    assert.deepEqual(e.categories, ['Malware', 'Phishing']);
    assert.equal(e.guid, 'https://harbor-threat.test/?p=901');
    assert.match(e.html, /<h2>Indicators of Compromise<\/h2>/); // content:encoded, not the description
  });

  it('cleans entry HTML into text with headings, list items and table cells', async () => {
    const [a, b] = await parseFeed(read('rss-full.xml'));
    assert.ok(a.text.includes('Indicators of Compromise\n\n- invoice-portal-secure[.]com\n- 192.0.2[.]45'), a.text);
    assert.ok(b.text.includes('Indicator | Type\n198.51.100[.]9 | Scanner'), b.text);
  });

  it('falls back to the description and decodes its markup and entities', async () => {
    const feed = await parseFeed(read('rss-full.xml'));
    assert.equal(feed[2].text, 'Only a short summary here & nothing else.');
    assert.equal(feed[2].guid, 'https://harbor-threat.test/2024/04/summary-only/');
  });

  it('removes boilerplate repeated across entries but keeps shared headings', async () => {
    const feed = await parseFeed(read('rss-full.xml'));
    for (const e of feed.slice(0, 2)) {
      assert.ok(!/newsletter|appeared first on/i.test(e.text), e.text);
      assert.ok(e.text.includes('Indicators of Compromise'), e.text);
    }
  });

  it('can leave boilerplate in when asked', async () => {
    const feed = await parseFeed(read('rss-full.xml'), { stripBoilerplate: false });
    assert.match(feed[0].text, /Subscribe to the Harbor Threat Notes newsletter/);
  });
});

describe('parseFeed: Atom', () => {
  it('reads entries incl. raw published date, categories, html title and content', async () => {
    const feed = await parseFeed(read('atom.xml'));
    assert.equal(feed.title, 'Quay Labs Research');
    const [e, s] = feed;
    assert.equal(e.title, 'Tracking PebbleRAT infrastructure & its loaders');
    assert.equal(e.link, 'https://quaylabs.test/research/pebblerat/');
    assert.equal(e.published, '2024-06-11'); // rss-parser alone would report the UTC day, the 12th
    assert.equal(e.author, 'Ruth Adeyemi');
    assert.deepEqual(e.categories, ['RAT', 'Infrastructure tracking']);
    assert.equal(e.guid, 'tag:quaylabs.test,2024:pebblerat');
    assert.equal(e.text, 'PebbleRAT operators rotate C2 servers weekly.\n\nc2-pebble[.]net\nc2-pebble[.]org');
    assert.equal(s.published, '2024-06-01'); // only <updated>
    assert.equal(s.text, 'Just a summary with no content element.');
  });
});

describe('parseFeed: errors', () => {
  it('rejects broken XML with a message that says where', async () => {
    await assert.rejects(parseFeed(read('broken.xml')), (e: Error) => e instanceof FeedError && /not well-formed XML/.test(e.message) && /line 3/.test(e.message));
  });
  it('rejects XML that is not a feed, and empty input', async () => {
    await assert.rejects(parseFeed('<html><body>hi</body></html>'), /not an RSS or Atom feed/);
    await assert.rejects(parseFeed('  '), /empty/);
  });
});

describe('stripFeedBoilerplate', () => {
  const entry = (title: string, text: string): FeedEntry => ({ title, text, html: '', categories: [], link: `https://n.test/${title.length}` });

  it('drops a multi-line footer with hashes repeated in two entries (newsletter footers) from both', () => {
    const footer = 'Sponsor sample hashes of the week:\n0123456789abcdef0123456789abcdef\nfedcba9876543210fedcba9876543210';
    const out = stripFeedBoilerplate([entry('A', `Story A body.\n\n${footer}`), entry('BB', `Story B body.\n\n${footer}`), entry('CCC', 'Story C.')]);
    assert.deepEqual(out.map((e) => e.text), ['Story A body.', 'Story B body.', 'Story C.']);
  });

  it('matches footers that name the entry itself', () => {
    const out = stripFeedBoilerplate([
      entry('First post', 'Body 1.\n\nRead "First post" and more analysis on our website every week.'),
      entry('Second post', 'Body 2.\n\nRead "Second post" and more analysis on our website every week.'),
    ]);
    assert.deepEqual(out.map((e) => e.text), ['Body 1.', 'Body 2.']);
  });

  it('keeps short repeated lines (headings, table headers) and text that occurs once', () => {
    const out = stripFeedBoilerplate([
      entry('A', 'Alpha.\n\nIndicators of Compromise\n\nSHA256 | File name\naa | a.exe'),
      entry('B', 'Beta.\n\nIndicators of Compromise\n\nSHA256 | File name\nbb | b.exe'),
    ]);
    assert.ok(out[0].text.includes('Indicators of Compromise\n\nSHA256 | File name\naa | a.exe'));
    assert.ok(out[1].text.includes('Indicators of Compromise'));
  });

  it('removes the WordPress "appeared first on" line even in a single entry', () => {
    const [e] = stripFeedBoilerplate([entry('T', 'Body.\n\nThe post T appeared first on Site.')]);
    assert.equal(e.text, 'Body.');
  });
});

describe('feedEntryToArticle', () => {
  it('maps an entry to an Article with the feed title as source', async () => {
    const feed = await parseFeed(read('atom.xml'));
    const a = feedEntryToArticle(feed[0], feed.title);
    assert.deepEqual(a, {
      title: 'Tracking PebbleRAT infrastructure & its loaders',
      source: 'Quay Labs Research',
      published: '2024-06-11',
      url: 'https://quaylabs.test/research/pebblerat/',
      author: 'Ruth Adeyemi',
      text: 'PebbleRAT operators rotate C2 servers weekly.\n\nc2-pebble[.]net\nc2-pebble[.]org',
      format: 'feed-entry',
    });
  });

  it('uses the link host when the feed has no title', () => {
    const a = feedEntryToArticle({ title: 'x', text: 't', html: '', categories: [], link: 'https://www.feeds.test/a' }, '');
    assert.equal(a.source, 'feeds.test');
  });
});
