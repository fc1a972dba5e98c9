// Page metadata: title, publication date, author, canonical URL and publisher, from the sources real pages use
// (Open Graph / Twitter / Dublin Core / Parse.ly / Sailthru meta tags, JSON-LD incl. @graph, <time>, bylines).
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { elementsIn, hasAncestor } from './dom';
import { findDateInText, parseDate } from './dates';
import { collapseWhitespace, decodeEntities } from './normalize';
import { classWords } from './tokens';
import { siteOfUrl } from '../text/hosts';

export interface PageMeta {
  title?: string;
  published?: string;
  author?: string;
  canonicalUrl?: string;
  publisher?: string;
}

// <meta> elements of a document, collected once: a full-DOM query per key is what made big pages slow.
const metaCache = new WeakMap<CheerioAPI, Element[]>();

function metaContent($: CheerioAPI, keys: string[]): string | undefined {
  let metas = metaCache.get($);
  if (!metas) {
    metas = $('meta').toArray();
    metaCache.set($, metas);
  }
  for (const key of keys) {
    const k = key.toLowerCase();
    let found: string | undefined;
    metas.forEach((el) => {
      if (found !== undefined) return;
      const a = el.attribs;
      const names = [a.property, a.name, a.itemprop, a['http-equiv']].filter(Boolean).map((s) => s.toLowerCase());
      if (names.includes(k)) {
        const v = collapseWhitespace(decodeEntities(a.content ?? a.value ?? ''));
        if (v) found = v;
      }
    });
    if (found) return found;
  }
  return undefined;
}

// ---- JSON-LD ---------------------------------------------------------------------------------------------

type Json = unknown;

/** All JSON-LD objects on the page, flattened through arrays, @graph and mainEntity(OfPage). */
function jsonLdObjects($: CheerioAPI): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (v: Json, depth: number): void => {
    if (depth > 6 || v == null) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    if (typeof v !== 'object') return;
    const o = v as Record<string, Json>;
    out.push(o);
    for (const k of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
      if (o[k] && typeof o[k] === 'object') visit(o[k], depth + 1);
    }
  };
  $('script[type="application/ld+json"]').each((_, el) => {
    const raw = $(el).text().trim();
    if (!raw) return;
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Some CMSs emit JSON-LD with raw newlines or trailing commas; one more lenient attempt.
      try {
        visit(JSON.parse(raw.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')), 0);
      } catch {
        /* not usable: ignore */
      }
    }
  });
  return out;
}

const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|TechArticle|Report|ScholarlyArticle|AnalysisNewsArticle|ReportageNewsArticle|LiveBlogPosting|SocialMediaPosting|WebPage|ItemPage)$/;

function types(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Article-like objects first (an Article's date beats the WebPage's, which beats anything else). */
function rankedLd(objs: Array<Record<string, Json>>): Array<Record<string, Json>> {
  const rank = (o: Record<string, Json>): number => {
    const t = types(o);
    if (t.some((x) => ARTICLE_TYPES.test(x) && !/WebPage|ItemPage/.test(x))) return 0;
    if (t.some((x) => /WebPage|ItemPage/.test(x))) return 1;
    return 2;
  };
  return [...objs].sort((a, b) => rank(a) - rank(b));
}

function nameOf(v: Json): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') {
    const n = (v as Record<string, Json>).name;
    return typeof n === 'string' ? n : undefined;
  }
  return undefined;
}

// ---- Title -------------------------------------------------------------------------------------------------

const TITLE_SEPARATORS = /\s+(?:[|\-–—·•»«/]|::)\s+/;

/**
 * Removes a trailing (or leading) " | Site name" part. The part goes when it names the site (known names,
 * host labels) or when it is short and the rest still looks like a headline.
 */
export function stripSiteSuffix(title: string, siteNames: string[]): { title: string; site?: string } {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return { title };
  const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const known = siteNames.map(norm).filter((s) => s.length >= 3);
  const isSite = (s: string): boolean => {
    const n = norm(s);
    return n.length > 0 && known.some((k) => n === k || n.includes(k) || k.includes(n));
  };
  const last = parts[parts.length - 1];
  const first = parts[0];
  // Titles are short; a hostile multi-megabyte <title> is for the article/ owner to bound before this runs.
  // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/optimal-lookaround-quantifier -- the last separator of a short title
  const sepRe = new RegExp(`${TITLE_SEPARATORS.source}(?!.*${TITLE_SEPARATORS.source})`);
  // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/optimal-lookaround-quantifier -- as above
  if (isSite(last)) return { title: title.replace(new RegExp(`${sepRe.source}.*$`), '').trim(), site: last.trim() };
  if (isSite(first) && parts.length >= 2) return { title: title.slice(title.search(TITLE_SEPARATORS)).replace(TITLE_SEPARATORS, '').trim(), site: first.trim() };
  // Unknown site: strip a short last segment only after a pipe/em-dash/double-colon style separator, which
  // sites use for branding; " - " is too often part of the headline itself.
  const m = /\s+(?:[|»—·]|::)\s+([^|]{2,40})$/.exec(title);
  if (m && m[1].trim().split(/\s+/).length <= 5 && title.length - m[0].length >= 15) {
    return { title: title.slice(0, m.index).trim(), site: m[1].trim() };
  }
  return { title };
}

function firstText($: CheerioAPI, els: Element[]): string | undefined {
  for (const el of els) {
    const t = collapseWhitespace($(el).text());
    if (t) return t;
  }
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  return url ? siteOfUrl(url) : undefined;
}

function absoluteHttpUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

// ---- Dates in the page body ------------------------------------------------------------------------------

// aside, nav, footer, [role=complementary], [role=navigation], [role=contentinfo]: the element or an ancestor.
const CHROME_TAGS = new Set(['aside', 'nav', 'footer']);
const CHROME_ROLES = new Set(['complementary', 'navigation', 'contentinfo']);
const CHROME_CLASS = /^(?:related|sidebar|widget|comments?|recommended|popular|trending)/;

function chromeByTag(el: Element): boolean {
  return CHROME_TAGS.has(el.name) || CHROME_ROLES.has(el.attribs.role ?? '');
}

// Memoised per node (see hasAncestor), per document: asked for every element of the article scope.
let chromeAncestry = new Map<AnyNode, boolean>();

function isInChrome(el: Element): boolean {
  if (chromeByTag(el)) return true;
  return hasAncestor(el, (p) => chromeByTag(p) || classWords(p).some((w) => CHROME_CLASS.test(w)), chromeAncestry);
}

/** The article-ish scope where the post's own <time>/byline lives. */
function articleScope($: CheerioAPI): Cheerio<Element> {
  const art = $('article').toArray().filter((el) => !isInChrome(el));
  if (art.length) return $(art[0]);
  const main = $('main, [role=main]').first();
  return main.length ? main : $('body');
}

function dateFromTimes($: CheerioAPI, inScope: Element[]): string | undefined {
  const times = inScope.filter((el) => el.name === 'time' && !isInChrome(el));
  const score = (el: Element): number => {
    const words = [...classWords(el), ...(el.attribs.itemprop ? [el.attribs.itemprop.toLowerCase()] : [])].join(' ');
    if (/datepublished|published|pubdate|posted|entry-date/.test(words) || 'pubdate' in el.attribs) return 0;
    if (/modified|updated|datemodified/.test(words)) return 2;
    return 1;
  };
  const ordered = times.map((el, i) => ({ el, i, s: score(el) })).sort((a, b) => a.s - b.s || a.i - b.i);
  for (const { el } of ordered) {
    const d = parseDate(el.attribs.datetime) ?? findDateInText(collapseWhitespace($(el).text()));
    if (d) return d;
  }
  return undefined;
}

const DATE_WORDS = /^(?:date|dates|time|published|publish|pubdate|posted|dateline|timestamp|byline|meta|postmeta|entrymeta|post-date|entry-date|article-date)$/;

const BYLINE_CUE = /^(?:by|posted|published|updated|written|last\s+updated)\b|\s[·•|]\s|\bmin(?:ute)?s?\s+read\b/i;

/** Last resort: a full date in the short byline-like blocks right after the title. */
function dateNearTitle($: CheerioAPI, inScope: Element[]): string | undefined {
  // Cheap name test first; the ancestor test only for the few candidates.
  const dated = inScope.filter((el) =>
    (classWords(el).some((w) => DATE_WORDS.test(w)) || /date|time/i.test(el.attribs.itemprop ?? '')) && !isInChrome(el));
  for (const el of dated) {
    const t = collapseWhitespace($(el).text());
    if (t.length <= 200) {
      const d = findDateInText(t);
      if (d) return d;
    }
  }
  const first = inScope.find((el) => el.name === 'h1');
  if (!first) return undefined;
  const h1 = $(first);
  // Short siblings after the <h1> (byline, dateline), then the same after its wrapping header.
  for (const start of [h1, h1.parent()]) {
    let n = 0;
    for (const sib of start.nextAll().toArray()) {
      if (++n > 4) break;
      const t = collapseWhitespace($(sib).text());
      if (t.length > 160) break;
      // A dateline is short and reads like one; a first paragraph that mentions a date is narrative.
      const bylineLike = sib.name !== 'p' || BYLINE_CUE.test(t) || t.length <= 40;
      const d = bylineLike ? findDateInText(t) : undefined;
      if (d) return d;
    }
  }
  return undefined;
}

function authorFromByline(s: string): string | undefined {
  const t = collapseWhitespace(s).replace(/^(?:written\s+|posted\s+)?by[:\s]+/i, '');
  const cut = t.split(/\s+[·•|—–]\s+|\s+on\s+(?=[A-Z][a-z]+\s+\d)|,\s+(?=\w+\s+\d{1,2},?\s+\d{4})/)[0].trim();
  if (!cut || cut.length > 100 || findDateInText(cut)) return undefined;
  return cut;
}

// ---- Entry point -------------------------------------------------------------------------------------------

/** Reads metadata from the full document (call before any element is removed). */
export function extractMeta($: CheerioAPI, pageUrl?: string): PageMeta {
  chromeAncestry = new Map();
  const ld = rankedLd(jsonLdObjects($));
  const ldArticle = ld.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));

  // Canonical URL: <link rel=canonical>, og:url; a canonical pointing at the site's home page is a CMS
  // mistake when we know the real article URL.
  let canonicalUrl = absoluteHttpUrl($('link[rel~="canonical"]').attr('href'), pageUrl)
    ?? absoluteHttpUrl(metaContent($, ['og:url', 'twitter:url']), pageUrl)
    ?? absoluteHttpUrl(ld.map((o) => (typeof o.url === 'string' && types(o).some((t) => ARTICLE_TYPES.test(t)) ? o.url : undefined)).find(Boolean), pageUrl);
  if (canonicalUrl && pageUrl && new URL(canonicalUrl).pathname === '/' && new URL(pageUrl).pathname !== '/') canonicalUrl = undefined;
  const url = canonicalUrl ?? absoluteHttpUrl(pageUrl, undefined);

  const ldPublisher = ld.map((o) => nameOf(o.publisher)).find(Boolean);
  const ogSite = metaContent($, ['og:site_name', 'application-name', 'twitter:site:name']);
  const host = hostOf(url);
  const siteNames = [ogSite, ldPublisher, host, host?.split('.').slice(-2, -1)[0]].filter((s): s is string => !!s);

  // Title.
  const scope = articleScope($);
  // The scope's elements, listed once: scope.find() re-sorts its context (O(children²)) on every call.
  const inScope = elementsIn(scope[0]);
  const h1 = firstText($, inScope.filter((el) => el.name === 'h1')) ?? firstText($, $('h1').toArray());
  const docTitle = collapseWhitespace($('head title').first().text() || $('title').first().text());
  const strippedDoc = docTitle ? stripSiteSuffix(docTitle, siteNames) : undefined;
  const clean = (t: string | undefined): string | undefined => {
    if (!t) return undefined;
    // "Headline | Site" in og:title too: when the <h1> is the first part, the <h1> is the headline.
    if (h1 && t !== h1 && t.startsWith(h1) && TITLE_SEPARATORS.test(t.slice(h1.length, h1.length + 5))) return h1;
    return stripSiteSuffix(t, siteNames).title || undefined;
  };
  let title = clean(metaContent($, ['og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title']))
    ?? clean(typeof ldArticle?.headline === 'string' ? collapseWhitespace(decodeEntities(ldArticle.headline)) : undefined)
    ?? h1;
  if (!title && docTitle) title = clean(docTitle);

  // Published date.
  const published =
    parseDate(metaContent($, [
      'article:published_time', 'og:article:published_time', 'og:published_time', 'datePublished', 'date',
      'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'dc.date.issued',
      'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created', 'parsely-pub-date',
      'sailthru.date', 'article.published', 'citation_publication_date', 'citation_date', 'cxenseparse:recs:publishtime',
    ]))
    ?? ld.map((o) => parseDate(typeof o.datePublished === 'string' ? o.datePublished : undefined)).find(Boolean)
    ?? parseDate($('[itemprop="datePublished"]').attr('content') ?? $('[itemprop="datePublished"]').attr('datetime'))
    ?? dateFromTimes($, inScope)
    ?? ld.map((o) => parseDate(typeof o.dateCreated === 'string' ? o.dateCreated : undefined)).find(Boolean)
    ?? dateNearTitle($, inScope);

  // Author.
  const isUrl = (s: string | undefined): boolean => !!s && /^https?:\/\//i.test(s);
  const metaAuthor = metaContent($, ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl']);
  const bylineEl = inScope.filter((el) => (el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('author') || el.attribs.itemprop === 'author').concat(
    inScope.filter((el) => classWords(el).some((w) => /^(?:author|byline|authors)$/.test(w))),
  ).find((el) => !isInChrome(el));
  const author = (!isUrl(metaAuthor) ? metaAuthor : undefined)
    ?? ld.map((o) => nameOf(o.author) ?? nameOf(o.creator)).find(Boolean)
    ?? (bylineEl ? authorFromByline($(bylineEl).text()) : undefined);

  const publisher = ogSite ?? ldPublisher ?? strippedDoc?.site ?? host;

  return {
    title: title ? decodeEntities(title) : undefined,
    published,
    author: author ? decodeEntities(author).replace(/^by\s+/i, '') : undefined,
    canonicalUrl: url,
    publisher,
  };
}
