// HTML page → Article: metadata from the whole page, text from the main content only.
import type { Article } from '../model';
import { renderText } from './blockText';
import { findMainContent, removeChrome, removeJunk } from './mainContent';
import { dateFromUrlPath, dateNearTop, monthFromUrlPath, monthNearTop } from './dates';
import { extractMeta } from './meta';
import { parseHtml } from './parseHtml';
import { siteOfUrl } from '../text/hosts';

export interface HtmlOptions {
  /** The URL the page was fetched from: resolves relative canonical links, names the publisher as a fallback. */
  url?: string;
}

function hostOf(url: string | undefined): string | undefined {
  return url ? siteOfUrl(url) : undefined;
}

export function htmlToArticle(html: string, opts: HtmlOptions = {}): Article {
  const $ = parseHtml(html);
  const meta = extractMeta($, opts.url);
  removeJunk($);
  const roots = findMainContent($);
  removeChrome(roots, hostOf(meta.canonicalUrl ?? opts.url));
  const text = renderText(roots);
  const url = meta.canonicalUrl ?? opts.url;
  return {
    title: meta.title ?? firstLine(text) ?? '',
    source: meta.publisher ?? '',
    // Metadata first, then a date shown at the top of the text, then one in the URL path; never the day of generation.
    published: meta.published ?? dateNearTop(text) ?? dateFromUrlPath(url) ?? monthNearTop(text) ?? monthFromUrlPath(url),
    url,
    author: meta.author,
    text,
    format: 'html',
  };
}

/**
 * An HTML fragment (a feed entry's content) → text, through the same cleaner as pages. A fragment has no
 * page chrome to find the article in, so everything is content except the chrome blocks inside it.
 */
export function htmlFragmentToText(html: string, opts: HtmlOptions = {}): string {
  const $ = parseHtml(`<body>${html}</body>`);
  removeJunk($);
  const root = $('body').toArray();
  removeChrome(root, hostOf(opts.url));
  return renderText(root);
}

function firstLine(text: string): string | undefined {
  const l = text.split('\n').find((x) => x.trim());
  return l && l.length <= 200 ? l.trim() : undefined;
}
