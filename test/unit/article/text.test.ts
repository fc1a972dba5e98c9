import { strict as assert } from 'node:assert';
import { detectFormat, textToArticle } from '../../../src/engine/article/text';
import { findDateInText, parseDate } from '../../../src/engine/article/dates';

describe('textToArticle', () => {
  it('reads a leading title:/url: header as metadata and drops it from the text', () => {
    const a = textToArticle('title: Emerging Loader Campaign Targets Banks\nurl: https://research.example.test/blog/loader\n\nThe loader was first seen in March.\nIt uses DLL side-loading.\n');
    assert.equal(a.title, 'Emerging Loader Campaign Targets Banks');
    assert.equal(a.url, 'https://research.example.test/blog/loader');
    assert.equal(a.source, 'research.example.test');
    assert.equal(a.text, 'The loader was first seen in March.\nIt uses DLL side-loading.');
    assert.equal(a.format, 'text');
  });

  it('does not treat a single "Title:" line of prose as a header', () => {
    const a = textToArticle('Title: of the report is misleading, as we explain.\nMore text.');
    assert.ok(a.text.startsWith('Title: of the report'));
  });

  it('reads YAML front matter (title, quoted date, author list) and removes it', () => {
    const md = "---\ndate: '2023-10-13T21:09:24.659Z'\ntitle: \"Node-ish 1.2.3 (LTS)\"\nauthors:\n  - Jane Roe\nlayout: blog-post\n---\n\n### Notable Changes\n\n- [CVE-2023-0001](https://cve.example.test/CVE-2023-0001): fix\n";
    const a = textToArticle(md);
    assert.equal(a.title, 'Node-ish 1.2.3 (LTS)');
    assert.equal(a.published, '2023-10-13');
    assert.equal(a.author, 'Jane Roe');
    assert.equal(a.format, 'markdown');
    assert.ok(a.text.startsWith('### Notable Changes'));
    assert.ok(!a.text.includes('layout:'));
  });

  it('reads TOML front matter', () => {
    const a = textToArticle('+++\ntitle = "Bisecting regressions"\ndate = 2019-12-18\n+++\n\nBody text here.', { format: 'markdown' });
    assert.equal(a.title, 'Bisecting regressions');
    assert.equal(a.published, '2019-12-18');
    assert.equal(a.text, 'Body text here.');
  });

  it('takes the first # heading, else a setext or AsciiDoc title, else the first short line', () => {
    assert.equal(textToArticle('Some intro line that is long enough to be a paragraph.\n\n# Real Title\n\nBody').title, 'Real Title');
    assert.equal(textToArticle('Setext Title\n============\n\nBody').title, 'Setext Title');
    assert.equal(textToArticle('= A potpourri of packages -- IoCs\n\nBody').title, 'A potpourri of packages -- IoCs');
    assert.equal(textToArticle('\n\n2022-12-28 (WEDNESDAY): EMAIL PUSHES RAT\n\nREFERENCE:\n- https://x.test/1').title, '2022-12-28 (WEDNESDAY): EMAIL PUSHES RAT');
  });

  it('keeps the body as it is (markdown marks, defanged values, tables)', () => {
    const body = '# T\n\n| Hash | Name |\n|---|---|\n| `abc` | x.exe |\n\nC2: evil[.]example **hxxp://bad[.]test/a**';
    assert.equal(textToArticle(body).text, body);
  });

  it('lets the caller override the title and supply a URL', () => {
    const a = textToArticle('Line one\n\nBody', { title: 'Given', url: 'https://x.test/a' });
    assert.equal(a.title, 'Given');
    assert.equal(a.url, 'https://x.test/a');
  });

  it('normalises CRLF and a BOM', () => {
    const a = textToArticle('\ufefftitle: T\r\nurl: https://a.test/\r\n\r\nline 1\r\nline 2\r\n');
    assert.equal(a.title, 'T');
    assert.equal(a.text, 'line 1\nline 2');
  });
});

describe('detectFormat', () => {
  it('HTML by file name or leading <', () => {
    assert.equal(detectFormat('plain words', 'page.HTML'), 'html');
    assert.equal(detectFormat('plain', 'page.htm'), 'html');
    assert.equal(detectFormat('\ufeff  \n<!doctype html><p>x</p>'), 'html');
    assert.equal(detectFormat('<div>x</div>', 'notes.txt'), 'html');
  });
  it('Markdown by name, front matter or marks; else text', () => {
    assert.equal(detectFormat('hello', 'a.md'), 'markdown');
    assert.equal(detectFormat('---\ntitle: x\n---\nbody'), 'markdown');
    assert.equal(detectFormat('# Title\n\nSee [here](https://a.test/x).\n\n## More'), 'markdown');
    assert.equal(detectFormat('Just a paragraph.\nAnother # not heading.'), 'text');
  });
});

describe('dates', () => {
  it('parses the forms real pages and feeds use, as written (no UTC shift)', () => {
    const cases: Array<[string, string | undefined]> = [
      ['2024-03-05T22:10:00-08:00', '2024-03-05'],
      ['2022-08-31', '2022-08-31'],
      ['Wed, 31 Aug 2022 12:57:48 +0000', '2022-08-31'],
      ['Thu, 02 May 2024 23:45:00 -0700', '2024-05-02'],
      ['July 19, 2025', '2025-07-19'],
      ['Jul. 4th 2021', '2021-07-04'],
      ['19 July 2025', '2025-07-19'],
      ['3rd of March, 2022', '2022-03-03'],
      ['2025/07/19', '2025-07-19'],
      ['20220831', '2022-08-31'],
      ['25/12/2023', '2023-12-25'],
      ['12/25/2023', '2023-12-25'],
      ['05/06/2023', undefined], // ambiguous day/month
      ['March 2023', undefined],
      ['2023-02-30', undefined],
      ['1700000000', '2023-11-14'],
      ['', undefined],
    ];
    for (const [s, want] of cases) assert.equal(parseDate(s), want, s);
  });

  it('finds the first full date in visible text but not compact digit runs', () => {
    assert.equal(findDateInText('By Unit 42 · July 19, 2025 · 4 min read'), '2025-07-19');
    assert.equal(findDateInText('build 20220831 shipped'), undefined);
    assert.equal(findDateInText('Posted 2 May 2024, updated June 1, 2024'), '2024-05-02');
  });
});

describe('textToArticle header dates', () => {
  it('reads a date that leads the title line or is labelled in a header line', () => {
    assert.equal(textToArticle('2024-03-05 (Tuesday): Loader activity\n\nBody text here.').published, '2024-03-05');
    assert.equal(textToArticle('Some advisory\nGHSA-xxxx | published 2021-02-03 | severity HIGH\n\nBody.').published, '2021-02-03');
    assert.equal(textToArticle('A title\nDate: March 4, 2023\n\nBody.').published, '2023-03-04');
    assert.equal(textToArticle('A title\n\nFirst paragraph.\nSecond.\nIn 2021-01-01 something happened.').published, undefined);
  });
});

describe('textToArticle header titles and bylines', () => {
  it('strips a site suffix from a header title and reads a dated byline', () => {
    const a = textToArticle('title: Bypassing Things Safely | Example Labs\nurl: https://www.examplelabs.com/blog/x\n\nBody paragraph here.\n');
    assert.equal(a.title, 'Bypassing Things Safely');
    assert.equal(textToArticle('Loader hits finance\n\nSummary text.\n\nCategory: Malware | By Jane Doe | 2022-08-30\n').published, '2022-08-30');
  });
});
