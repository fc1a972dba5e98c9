// Plain text / Markdown → Article. Metadata comes from a leading "title: / url:" header block (as in TRAM
// scrapes), YAML (---) or TOML (+++) front matter, or the first heading; both the header block and the front
// matter are dropped from the text. Nothing else is stripped: IOC extraction needs the whole body.
import type { Article } from '../model';
import { dateFromUrlPath, dateNearTop, monthFromUrlPath, monthNearTop, parseDate } from './dates';
import { stripSiteSuffix } from './meta';
import { normalizeLines, removeInvisible } from './normalize';
import { siteOfUrl } from '../text/hosts';

export interface TextOptions {
  url?: string;
  title?: string;
  format?: 'text' | 'markdown';
}

export type InputFormat = 'html' | 'text' | 'markdown';

/** HTML when the file name says so or the content starts with '<'; Markdown by name or by its marks; else text. */
export function detectFormat(input: string, fileName?: string): InputFormat {
  const name = (fileName ?? '').toLowerCase();
  if (/\.(?:html?|xhtml|shtml)$/.test(name)) return 'html';
  if (/^\s*</.test(input)) return 'html';
  if (/\.(?:md|markdown|mdx|mkd)$/.test(name)) return 'markdown';
  if (/\.(?:txt|text|log|adoc|asciidoc)$/.test(name)) return 'text';
  const head = input.slice(0, 20_000);
  if (/^\ufeff?(?:---|\+\+\+)\r?\n/.test(head)) return 'markdown';
  const marks = (head.match(/^(?:#{1,6} \S|```|\s*[-*] \[[ x]\] )/gm) ?? []).length + (head.match(/\[[^\]\n]+\]\(https?:\/\/[^)\s]+\)/g) ?? []).length;
  return marks >= 2 ? 'markdown' : 'text';
}

interface Header {
  title?: string;
  url?: string;
  published?: string;
  author?: string;
  source?: string;
}

function unquote(v: string): string {
  const t = v.trim();
  const m = /^(["'])(.*)\1$/.exec(t);
  return (m ? m[2] : t).trim();
}

function assign(h: Header, key: string, value: string): void {
  const v = unquote(value);
  if (!v) return;
  switch (key.toLowerCase()) {
    case 'title': h.title ??= v; break;
    case 'url': case 'link': case 'canonical': case 'canonical_url': case 'permalink': case 'source_url':
      if (/^https?:\/\//i.test(v)) h.url ??= v;
      break;
    case 'date': case 'published': case 'pubdate': case 'publishdate': case 'published_at': case 'created':
      h.published ??= parseDate(v);
      break;
    case 'author': case 'authors': case 'by': h.author ??= v.replace(/^\[|\]$/g, '').replace(/["']/g, '').trim(); break;
    case 'source': case 'publisher': case 'site': h.source ??= v; break;
  }
}

// eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored and run on one line, where the first attempt reaches the end
const HEADER_LINE = /^(title|url|link|source|publisher|date|published|author)\s*:\s*(.*)$/i;

/** Leading "key: value" lines (title:/url: at minimum) as written by scrapers; returns the text after them. */
function takeHeaderBlock(text: string, h: Header): string {
  const lines = text.split('\n');
  let i = 0;
  const found: Array<[string, string]> = [];
  while (i < lines.length) {
    const m = HEADER_LINE.exec(lines[i].trim());
    if (!m) break;
    found.push([m[1], m[2]]);
    i++;
  }
  // One "Title: …" line alone could be prose; a block is only metadata when it has a title or url plus another key.
  const keys = new Set(found.map(([k]) => k.toLowerCase()));
  if (found.length < 2 || !(keys.has('title') || keys.has('url'))) return text;
  for (const [k, v] of found) assign(h, k, v);
  return lines.slice(i).join('\n');
}

/** YAML (---) or TOML (+++) front matter: flat keys only, which is all we read. */
function takeFrontMatter(text: string, h: Header): string {
  const m = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n\1[ \t]*(?:\n|$)/.exec(text);
  if (!m) return text;
  const sep = m[1] === '---' ? ':' : '=';
  let listKey: string | undefined;
  for (const line of m[2].split('\n')) {
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored and run on one line, where the first attempt reaches the end
    const item = /^\s+-\s+(.+)$/.exec(line);
    if (item && listKey) {
      assign(h, listKey, item[1]); // "authors:\n  - Jane Doe"
      continue;
    }
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored and run on one line, where the first attempt reaches the end
    const kv = sep === ':' ? /^([\w.-]+)\s*:\s*(.*)$/.exec(line) : /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    listKey = kv[2].trim() === '' ? kv[1] : undefined;
    assign(h, kv[1], kv[2].replace(/\s+#.*$/, ''));
  }
  return text.slice(m[0].length);
}

/** The first heading: "# Title" (ATX), "Title\n=====" (setext) or "= Title" (AsciiDoc). */
function firstHeading(text: string): string | undefined {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return undefined;
  const l = lines[first].trim();
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored and run on one line, where the first attempt reaches the end
  const adoc = /^=\s+(.+)$/.exec(l);
  if (adoc) return adoc[1].trim();
  if (/^=+$|^-+$/.test((lines[first + 1] ?? '').trim()) && l.length <= 200) return l;
  for (const line of lines) {
    // eslint-disable-next-line regexp/no-super-linear-backtracking -- anchored and run on one line; a long run of spaces before the closing #s is quadratic (left to the article/ owner)
    const m = /^#\s+(.+?)\s*(?:#+\s*)?$/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

function firstShortLine(text: string): string | undefined {
  const l = text.split('\n').map((x) => x.trim()).find((x) => x !== '');
  if (!l) return undefined;
  if (l.length <= 200) return l;
  // A long first paragraph: its first sentence, or a cut at a word boundary.
  const sentence = /^(.{20,160}?[.!?])\s/.exec(l);
  return sentence ? sentence[1] : `${l.slice(0, 120).replace(/\s+\S*$/, '')}…`;
}

/**
 * A date shown in the first lines of a post: a title that starts with an ISO date ("2022-12-28 (Wednesday): …")
 * or a labelled date in a header line ("published 2018-11-26", "Date: March 3, 2024").
 */
function headerDate(text: string): string | undefined {
  const head = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3);
  for (const line of head) {
    const lead = /^(\d{4}-\d{2}-\d{2})\b/.exec(line);
    if (lead) return parseDate(lead[1]);
    // A byline carrying the date: "By Jane Doe | 2022-08-30", "Category: Malware | By J. Doe | Aug 30, 2022".
    const byline = /\b[Bb]y\s+[A-Z][^|\n]{1,60}[|·,–-]\s*(\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2}, \d{4})\b/.exec(line);
    if (byline) return parseDate(byline[1]);
    const labelled = /\b(?:published|posted|date|updated)(?:\s+(?::\s+)?|:\s+)(\d{4}-\d{2}-\d{2}|[a-z]{2,}\.? \d{1,2}, \d{4}|\d{1,2} [a-z]{2,} \d{4})\b/i.exec(line);
    if (labelled) return parseDate(labelled[1]);
  }
  return undefined;
}

function hostOf(url: string | undefined): string {
  return (url && siteOfUrl(url)) || '';
}

export function textToArticle(input: string, opts: TextOptions = {}): Article {
  let text = removeInvisible(input.replace(/^\ufeff/, '')).replace(/\r\n?/g, '\n');
  const h: Header = {};
  text = takeFrontMatter(text, h);
  text = takeHeaderBlock(text.replace(/^\n+/, ''), h);
  text = normalizeLines(text);
  const format = opts.format ?? (detectFormat(input) === 'markdown' ? 'markdown' : 'text');
  const url = h.url ?? opts.url;
  return {
    title: opts.title ?? (h.title ? stripSiteSuffix(h.title, [hostOf(url).split('.')[0]]).title : undefined) ?? firstHeading(text) ?? firstShortLine(text) ?? '',
    source: h.source ?? hostOf(url),
    published: h.published ?? headerDate(text) ?? dateNearTop(text) ?? dateFromUrlPath(url) ?? monthNearTop(text) ?? monthFromUrlPath(url),
    url,
    author: h.author,
    text,
    format,
  };
}
