// Class/id words of an element, for recognising page chrome and content containers by name.
// "c-article__body", "shareBar", "jp-relatedposts" → words, so patterns match whole words only
// ("share" must not match "sharepoint-article", "ad" must not match "header").
import type { Element } from 'domhandler';

const cache = new WeakMap<Element, string[]>();

/** Lower-case words of the class and id attributes, split on - _ and camelCase humps. */
export function classWords(el: Element): string[] {
  const hit = cache.get(el);
  if (hit) return hit;
  const raw = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`;
  const words: string[] = [];
  for (const token of raw.split(/\s+/)) {
    if (!token) continue;
    for (const w of token.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[\s_\-:.]+/)) {
      if (w) words.push(w.toLowerCase());
    }
  }
  cache.set(el, words);
  return words;
}

/** The class/id tokens themselves (lower-case), for patterns over a whole token ("post-body"). */
export function classTokens(el: Element): string[] {
  return `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`.toLowerCase().split(/\s+/).filter(Boolean);
}

// Words that name page chrome wherever they appear in a class or id. Prefix matches (share → sharing,
// sharedaddy; related → relatedposts) are written as regexes.
const CHROME_WORD = new RegExp(
  '^(?:' +
    [
      'nav', 'navbar', 'navigation', 'menu', 'menus', 'breadcrumbs?', 'sidebar', 'sidebars', 'widgets?', 'share\\w*',
      'sharing', 'social\\w*', 'newsletters?', 'subscribe\\w*', 'subscription\\w*', 'signup', 'cookies?', 'consent',
      'gdpr', 'related\\w*', 'recommend\\w*', 'comments?', 'disqus', 'respond', 'footer', 'masthead', 'byline',
      'pagination', 'pager', 'popup', 'modal', 'advert\\w*', 'ad', 'ads', 'adsense', 'adslot', 'sponsor\\w*',
      'promo\\w*', 'outbrain', 'taboola', 'skip', 'breaking', 'trending', 'popular', 'follow', 'rating', 'paywall',
      'login', 'signin', 'toc', 'gutter', 'linenos?', 'crumbs?', 'tagcloud', 'tags', 'categories',
      'topbar', 'bottombar', 'banner', 'cta', 'print', 'author', 'authors', 'bio', 'meta', 'postmeta', 'header',
    ].join('|') +
    ')$',
);

// Words whose match is only trusted on small blocks: a container named "article-header" or "entry-meta" is
// chrome when it holds a byline, not when a theme wrapped the whole post in it.
export const SOFT_CHROME_WORD = /^(?:header|meta|postmeta|banner|cta|print|author|authors|bio|tags|categories|toc|rating|follow|skip|breaking)$/;

// Whole tokens that are chrome although their words are not (screen-reader-only text, highlighter gutters).
const CHROME_TOKEN = /^(?:sr-only|screen-reader-text|visually-hidden|visuallyhidden|blob-num|line-numbers?|hljs-ln-numbers|js-line-number|wp-block-buttons|addtoany\w*|a2a\w*|jp-relatedposts\w*|yarpp\w*|mc4wp\w*|ez-toc\w*)$/;

/** Why the element's class/id names chrome (the matching word), or undefined. */
export function chromeWord(el: Element): string | undefined {
  for (const t of classTokens(el)) if (CHROME_TOKEN.test(t)) return t;
  for (const w of classWords(el)) if (CHROME_WORD.test(w)) return w;
  return undefined;
}

// Content containers by class/id: post-body, entry-content, article__body, story-text, articleBody, td-post-content…
const BODY_FIRST = /^(?:post|entry|article|story|blog|news|single|main|page)$/;
const BODY_SECOND = /^(?:body|content|text|inner|entry|copy)$/;
const BODY_TOKEN = /^(?:articlebody|postbody|storybody|entrycontent|postcontent|articlecontent|storycontent|blogpost|article-text|rich-text|prose|markdown-body|post-full-content|single-content|content-body)$/;

/** True when the class/id names the article's body container. */
export function isBodyContainerName(el: Element): boolean {
  if (classTokens(el).some((t) => BODY_TOKEN.test(t.replace(/_/g, '-')))) return true;
  const words = classWords(el);
  for (let i = 0; i + 1 < words.length; i++) {
    if (BODY_FIRST.test(words[i]) && BODY_SECOND.test(words[i + 1])) return true;
  }
  return false;
}
