import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToArticle } from '../../../src/engine/article/html';

const FIX = join(__dirname, '../../fixtures/article');
const read = (f: string): string => readFileSync(join(FIX, f), 'utf8');

/** Every href outside the given body selector must be absent from the text (as a whole URL). */
function assertNoneLeak(text: string, needles: string[]): void {
  for (const n of needles) assert.ok(!text.includes(n), `chrome leaked into text: ${JSON.stringify(n)}\n---\n${text}`);
}

describe('htmlToArticle: WordPress-style post with full chrome', () => {
  const a = htmlToArticle(read('wordpress-post.html'), { url: 'https://labs.northwind.test/2024/03/operation-lamplight/?utm_source=x' });

  it('reads metadata from meta tags', () => {
    assert.equal(a.title, 'Operation Lamplight: Loader Hides in Signed Installers');
    assert.equal(a.source, 'Northwind Threat Labs');
    // Written as 22:10 on the 5th Pacific time: the publisher's day, not the UTC day (6th).
    assert.equal(a.published, '2024-03-05');
    assert.equal(a.author, 'Dana Okafor');
    // Relative canonical resolved against the page URL, tracking parameters gone.
    assert.equal(a.url, 'https://labs.northwind.test/2024/03/operation-lamplight/');
    assert.equal(a.format, 'html');
  });

  it('keeps the article body', () => {
    assert.match(a.text, /^In February our team tracked a loader/);
    assert.match(a.text, /drops lamp\.dll\.$/m);
  });

  it('drops cookie banner, nav, share bar, related posts, newsletter, comments, sidebar and footer', () => {
    assertNoneLeak(a.text, [
      'We use cookies', 'Accept all cookies', 'Skip to content', 'Research', 'Webinars', 'Talk to an expert',
      'Share this', 'share=twitter', 'Next.js patch round-up', 'next-js-patch-roundup', 'Kubernetes hardening',
      'Stay ahead of threats', 'delivered to your inbox', 'Posted in', 'Tagged', 'Previous: DLL sideloading',
      'thoughts on', 'blog.commenter.test', 'Leave a Reply', 'Recent Posts', 'Firefox zero-day', 'node.js supply chain',
      'All rights reserved', 'twitter.com/northwindlabs', 'Posted on', 'March 7, 2024', 'gtag', 'cookie-notice',
    ]);
  });

  it('decodes entities', () => {
    assert.ok(a.text.includes('we call “Lamplight” that'), a.text);
    assert.ok(a.text.includes('finance & logistics'));
    assert.ok(a.text.includes('vendor’s site'));
    assert.ok(!/&#\d+;|&amp;|&[lr]dquo;/.test(a.text));
  });

  it('turns <br> into a line break inside a paragraph', () => {
    assert.ok(a.text.includes('a look-alike of the vendor’s site.\nThe installer runs'));
    assert.ok(a.text.includes('T1053.005 Scheduled Task\nT1218.011 Rundll32'));
  });

  it('keeps headings on their own lines', () => {
    const lines = a.text.split('\n');
    for (const h of ['Infection chain', 'Indicators of Compromise', 'MITRE ATT&CK']) assert.ok(lines.includes(h), h);
  });

  it('renders lists one item per line, nested lists indented', () => {
    assert.ok(a.text.includes(
      '- The MSI runs msiexec.exe with a custom action.\n' +
      '- The custom action writes the loader to disk:\n' +
      '  - %APPDATA%\\Lamplight\\lamp.dll\n' +
      '  - %APPDATA%\\Lamplight\\cfg.bin\n' +
      '- A scheduled task named PdfToolkitUpdater keeps it running.',
    ), a.text);
  });

  it('keeps <pre> code verbatim, indentation included', () => {
    assert.ok(a.text.includes(
      'schtasks /create /tn "PdfToolkitUpdater" /sc onlogon ^\n' +
      '    /tr "rundll32.exe %APPDATA%\\Lamplight\\lamp.dll,Start"\n' +
      'if errorlevel 1 (\n' +
      '    echo failed && exit /b 1\n' +
      ')',
    ), a.text);
  });

  it('renders tables one row per line with cells separated, never glued', () => {
    const lines = a.text.split('\n');
    assert.ok(lines.includes('Type | Indicator | Note'));
    assert.ok(lines.includes('Domain | pdf-toolkit-update[.]com | Download site'));
    assert.ok(lines.includes('IPv4 | 203.0.113[.]77 | C2'));
    // Two hashes in one cell (split by <br>) stay apart; the empty last cell is not padded.
    assert.ok(lines.includes('SHA256 | 4f1c6b0e9a3d2c5b8e7f6a1d0c9b8a7e6f5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b 9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b'));
    assert.ok(!/IndicatorNote|DomainPdf|77C2/i.test(a.text));
  });

  it('separates blocks with exactly one blank line and leaves no trailing spaces', () => {
    assert.ok(!/\n\n\n/.test(a.text));
    assert.ok(!/[ \t]$/m.test(a.text));
  });
});

describe('htmlToArticle: news page with JSON-LD @graph', () => {
  const a = htmlToArticle(read('news-jsonld.html'));

  it('takes date, author, publisher and URL from the Article node of the @graph', () => {
    assert.equal(a.title, 'Ransomware gang hits regional hospital chain');
    assert.equal(a.published, '2023-11-14'); // the NewsArticle's date, not the WebPage's
    assert.equal(a.author, 'Sam Reyes, Li Wen');
    assert.equal(a.source, 'The Daily Packet');
    assert.equal(a.url, 'https://dailypacket.test/news/hospital-ransomware/');
  });

  it('keeps body paragraphs and a prose pull-quote, drops ads, promos, share tools and story cards', () => {
    assert.match(a.text, /^A ransomware group claimed responsibility/);
    assert.ok(a.text.includes('"out of an abundance of caution"'));
    assert.ok(a.text.includes('We are restoring systems from offline backups'));
    assert.ok(a.text.endsWith('shared with law enforcement.'));
    assertNoneLeak(a.text, [
      'Advertisement', 'Sign up for our newsletter', 'Facebook', 'sharer.php', 'Subscribe for $1', 'Log in', 'Opinion',
      'More from Security', 'Patch Tuesday', 'Crypto exchange', 'Recommended for you', 'best VPNs', 'Passkeys',
      'Copyright 2023', 'Home ›', 'By Sam Reyes',
    ]);
  });
});

describe('htmlToArticle: class-less page (text-density fallback)', () => {
  const a = htmlToArticle(read('div-soup.html'), { url: 'https://hollowpoint.test/blog/fake-update/' });

  it('strips a " :: Site" title suffix and reads the visible date next to the title', () => {
    assert.equal(a.title, 'Fake browser update pushes infostealer');
    assert.equal(a.published, '2022-03-03');
    assert.equal(a.source, 'Hollow Point Security Blog');
    assert.equal(a.url, 'https://hollowpoint.test/blog/fake-update/');
  });

  it('finds the body by text density and keeps the indicator lines', () => {
    assert.match(a.text, /^Compromised WordPress sites are injecting/);
    assert.ok(a.text.includes('update-browser-secure[.]top\n198.51.100[.]23\nhxxps://cdn-update-browser[.]top/get.php'));
    assertNoneLeak(a.text, ['Home', 'About', 'Services', 'MFA fatigue', 'Office macros', 'red team', 'Popular', 'All rights reserved', '6 min read']);
  });
});

describe('htmlToArticle: metadata sources', () => {
  const page = (head: string, body: string): string => `<html><head>${head}</head><body>${body}</body></html>`;
  const para = '<p>Threat actors deployed a new backdoor against several manufacturing companies in the region this spring.</p>';

  it('prefers og:title, strips a site suffix found in og:site_name', () => {
    const a = htmlToArticle(page('<title>X</title><meta property="og:title" content="Big Breach Story — Acme News"><meta property="og:site_name" content="Acme News">', `<article>${para}</article>`));
    assert.equal(a.title, 'Big Breach Story');
    assert.equal(a.source, 'Acme News');
  });

  it('uses twitter:title, then the <h1> of the article, then <title>', () => {
    assert.equal(htmlToArticle(page('<meta name="twitter:title" content="From Twitter Card">', `<article><h1>H1 title</h1>${para}</article>`)).title, 'From Twitter Card');
    assert.equal(htmlToArticle(page('<title>Doc title | Site</title>', `<h1>Site logo</h1><article><h1>The real headline</h1>${para}</article>`)).title, 'The real headline');
    assert.equal(htmlToArticle(page('<title>Only the document title | Example Blog</title>', `<div>${para}</div>`)).title, 'Only the document title');
  });

  it('keeps a " - " that belongs to the headline when the site name is unknown', () => {
    assert.equal(htmlToArticle(page('<title>CVE-2024-1234 - a heap overflow in libfoo</title>', `<div>${para}</div>`)).title, 'CVE-2024-1234 - a heap overflow in libfoo');
  });

  it('reads dates from meta tags of several vocabularies', () => {
    const cases: Array<[string, string]> = [
      ['<meta property="article:published_time" content="2021-07-02T01:00:00+09:00">', '2021-07-02'],
      ['<meta name="DC.date.issued" content="2020-02-29">', '2020-02-29'],
      ['<meta name="parsely-pub-date" content="2019-05-06T12:00:00Z">', '2019-05-06'],
      ['<meta name="sailthru.date" content="Tue, 14 Sep 2021 10:00:00 -0400">', '2021-09-14'],
      ['<meta itemprop="datePublished" content="2018-10-31">', '2018-10-31'],
    ];
    for (const [head, want] of cases) assert.equal(htmlToArticle(page(head, `<article>${para}</article>`)).published, want, head);
  });

  it('reads <time datetime> in the article, preferring the published one over updated and ignoring sidebar times', () => {
    const a = htmlToArticle(page('', `<aside><time datetime="2010-01-01">old</time></aside><article><time class="updated" datetime="2022-06-02">June 2</time><time class="published" datetime="2022-05-30T08:00:00Z">May 30</time>${para}</article>`));
    assert.equal(a.published, '2022-05-30');
  });

  it('reads JSON-LD datePublished from a top-level array and ignores broken JSON-LD blocks', () => {
    const ld = '<script type="application/ld+json">{ broken</script><script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","datePublished":"2017-12-24","author":{"@type":"Person","name":"Kim"}}]</script>';
    const a = htmlToArticle(page(ld, `<article>${para}</article>`));
    assert.equal(a.published, '2017-12-24');
    assert.equal(a.author, 'Kim');
  });

  it('gives no date when the page shows only a month and year', () => {
    assert.equal(htmlToArticle(page('', `<article><h1>T</h1><p class="byline">By Team · <time>March 2023</time></p>${para}</article>`)).published, undefined);
  });

  it('does not take a date mentioned in the body as the publication date', () => {
    const a = htmlToArticle(page('', `<article><h1>T</h1>${para}<p>On July 4, 2021, the actor switched to a new loader, which we analyse in detail below with samples and timelines for defenders.</p></article>`));
    assert.equal(a.published, undefined);
  });

  it('falls back to the host name for the publisher and ignores a canonical pointing at the home page', () => {
    const a = htmlToArticle(page('<link rel="canonical" href="https://www.blog.test/">', `<article>${para}</article>`), { url: 'https://www.blog.test/2024/post' });
    assert.equal(a.source, 'blog.test');
    assert.equal(a.url, 'https://www.blog.test/2024/post');
  });
});

describe('htmlToArticle: text rendering details', () => {
  const body = (html: string): string => htmlToArticle(`<html><body><article>${html}</article></body></html>`).text;

  it('separates adjacent block elements and keeps inline elements joined', () => {
    assert.equal(body('<div>one</div><div>two</div><p>a<b>b</b>c <i>d</i></p>'), 'one\n\ntwo\n\nabc d');
  });

  it('keeps cells apart even without whitespace in the markup, and reads <th> rows', () => {
    assert.equal(body('<table><tr><th>Hash</th><th>Name</th></tr><tr><td>aa</td><td>x.exe</td></tr></table>'), 'Hash | Name\naa | x.exe');
  });

  it('reads a layout table as blocks, not as one huge row', () => {
    const long = 'Paragraph text that is long enough to look like an article written inside a layout table cell. '.repeat(6);
    const t = body(`<table><tr><td><p>${long}</p><p>Second paragraph.</p></td><td><p>Side</p></td></tr></table>`);
    assert.ok(!t.includes(' | '), t);
    assert.ok(t.includes('Second paragraph.'));
  });

  it('decodes numeric, named and double-escaped entities, and normalises NBSP and zero-width spaces', () => {
    assert.equal(body('<p>&#8220;x&#8221; &amp; y&nbsp;z &amp;#8217; evil\u200b.example</p>'), '“x” & y z ’ evil.example');
  });

  it('keeps an ordered list as one item per line and drops images, scripts, svg and iframes', () => {
    assert.equal(body('<ol><li>first</li><li>second<img alt="x"></li></ol><script>var a=1</script><svg><text>svg</text></svg><iframe src="x"></iframe>'), '- first\n- second');
  });

  it('keeps code lines from highlighters that wrap each line in a <span> or <div>', () => {
    assert.equal(body('<pre><code><span class="line">a = 1</span>\n<span class="line">  b = 2</span></code></pre>'), 'a = 1\n  b = 2');
    assert.equal(body('<pre><div class="line">x()</div><div class="line">y()</div></pre>'), 'x()\ny()');
  });

  it('does not remove syntax-highlighted comments inside code', () => {
    assert.equal(body('<pre><code><span class="token comment"># download stage</span>\ncurl -o a.sh</code></pre>'), '# download stage\ncurl -o a.sh');
  });
});
