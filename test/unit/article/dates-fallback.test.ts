// Publication date when the metadata has none: the byline area of the text, then the URL path; else unknown.
import { strict as assert } from 'node:assert';
import { dateFromUrlPath, dateNearTop } from '../../../src/engine/article/dates';
import { htmlToArticle } from '../../../src/engine/article/html';
import { textToArticle } from '../../../src/engine/article/text';

const page = (head: string, body: string): string => `<html><head>${head}</head><body>${body}</body></html>`;
const para = '<p>An intrusion set deployed a modular backdoor against logistics firms and harvested mailbox data for weeks.</p>';

describe('article: publication date fallbacks', () => {
  it('reads a full date from the URL path, never a month-only path', () => {
    assert.equal(dateFromUrlPath('https://blog.example.org/2023/06/12/loader-returns/'), '2023-06-12');
    assert.equal(dateFromUrlPath('https://blog.example.org/research/2022-11-03-new-wiper'), '2022-11-03');
    assert.equal(dateFromUrlPath('https://blog.example.org/2023/06/loader-returns/'), undefined);
    assert.equal(dateFromUrlPath('https://blog.example.org/2023/13/40/x'), undefined);
    assert.equal(dateFromUrlPath('https://blog.example.org/posts/12345'), undefined);
    assert.equal(dateFromUrlPath(undefined), undefined);
  });

  it('reads a labelled, byline or bare date near the top, not a date in the narrative', () => {
    assert.equal(dateNearTop('Loader returns\nPublished June 12, 2023\n\nThe loader came back.'), '2023-06-12');
    assert.equal(dateNearTop('Loader returns\nBy Ana Ortiz · 2023-06-12\n\nBody.'), '2023-06-12');
    assert.equal(dateNearTop('Loader returns\n12 June 2023\n\nBody.'), '2023-06-12');
    assert.equal(dateNearTop('Loader returns\n\nOn June 12, 2023 the operators switched to a new loader.'), undefined);
  });

  it('HTML: metadata, then the text near the top, then the URL path; undefined when none', () => {
    const meta = htmlToArticle(page('<meta property="article:published_time" content="2024-02-01T10:00:00Z">', `<article><h1>T</h1><p>Posted March 5, 2024</p>${para}</article>`),
      { url: 'https://blog.example.org/2023/06/12/t/' });
    assert.equal(meta.published, '2024-02-01');
    const byline = htmlToArticle(page('', `<article><h1>T</h1><p>Published March 5, 2024</p>${para}</article>`), { url: 'https://blog.example.org/2023/06/12/t/' });
    assert.equal(byline.published, '2024-03-05');
    const fromUrl = htmlToArticle(page('', `<article><h1>T</h1>${para}</article>`), { url: 'https://blog.example.org/2023/06/12/t/' });
    assert.equal(fromUrl.published, '2023-06-12');
    const none = htmlToArticle(page('', `<article><h1>T</h1>${para}</article>`), { url: 'https://blog.example.org/research/t/' });
    assert.equal(none.published, undefined);
  });

  it('text: a URL header with a dated path gives the date when the text shows none', () => {
    const a = textToArticle('title: Loader returns\nurl: https://blog.example.org/2021/09/30/loader/\n\nThe operators switched to a new loader this week.');
    assert.equal(a.published, '2021-09-30');
  });
});
