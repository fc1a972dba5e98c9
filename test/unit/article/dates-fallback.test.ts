// Publication date when the metadata has none: the byline area of the text, then the URL path; else unknown.
import { strict as assert } from 'node:assert';
import { dateFromUrlPath, dateNearTop, monthFromUrlPath, monthNearTop } from '../../../src/engine/article/dates';
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

  it('a month without a day, near the top or in the URL path, is kept at month precision (YYYY-MM), never given a day', () => {
    assert.equal(monthNearTop('Loader returns\nJune 2023\n\nThe loader came back.'), '2023-06');
    assert.equal(monthNearTop('Loader returns\nPublished: Sept. 2022\n\nBody.'), '2022-09');
    assert.equal(monthNearTop('Loader returns\n\nIn June 2023 the operators switched to a new loader.'), undefined);
    assert.equal(monthFromUrlPath('https://blog.example.org/2023/06/loader-returns/'), '2023-06');
    assert.equal(monthFromUrlPath('https://blog.example.org/2023/13/loader/'), undefined);
    const month = htmlToArticle(page('', `<article><h1>Loader returns</h1><p>June 2023</p>${para}</article>`), { url: 'https://blog.example.org/research/loader' });
    assert.equal(month.published, '2023-06');
    const byUrl = htmlToArticle(page('', `<article><h1>Loader returns</h1>${para}</article>`), { url: 'https://blog.example.org/2023/06/loader/' });
    assert.equal(byUrl.published, '2023-06');
    const day = htmlToArticle(page('', `<article><h1>Loader returns</h1><p>June 2023</p>${para}</article>`), { url: 'https://blog.example.org/2023/06/12/loader/' });
    assert.equal(day.published, '2023-06-12');
  });
});
