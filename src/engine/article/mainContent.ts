// Finds the article's main content and strips page chrome from it. Prefers what the page declares
// (articleBody, post-body/entry-content style containers, <article>, <main>), falls back to text-density
// scoring, then removes navigation, sidebars, share bars, related posts, newsletter and cookie boxes,
// comments and bylines inside the chosen container.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { textOf } from './blockText';
import { elementsIn, hasAncestor, isElement, removeNodes } from './dom';
import { collapseWhitespace, textNodeLength } from './normalize';
import { chromeWord, isBodyContainerName, SOFT_CHROME_WORD } from './tokens';
import { siteOfUrl } from '../text/hosts';

// Removed everywhere before anything is measured.
const JUNK_SELECTOR = [
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'button', 'input', 'select', 'textarea', 'link', 'meta',
].join(', ');
// Removed everywhere unless they hold most of the page (some sites wrap the whole page in a <form> or
// mark it hidden while a modal is open).
const MAYBE_JUNK_SELECTOR = 'form, dialog, [role=dialog], [role=alertdialog], [hidden], [aria-hidden=true], [style*="display:none"], [style*="display: none"]';
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'header']);
const CHROME_ROLES = /^(?:navigation|banner|contentinfo|complementary|search|dialog|alertdialog|menu|menubar|toolbar)$/;
const INLINE = new Set(['span', 'a', 'code', 'em', 'strong', 'b', 'i', 'u', 'mark', 'sup', 'sub', 'small', 'abbr', 'cite', 'q', 'kbd', 'samp', 'var', 'time', 'font', 'label']);

// Headings that introduce chrome sections. "Further reading"/"References" are article content and stay.
const CHROME_HEADING = /^(?:related(?:\s+(?:posts?|articles?|stories|content|reading|news|research|resources|blogs?))?|more\s+(?:from|on|in|like\s+this|stories|articles|news|posts|research)\b.*|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in).*|recommended(?:\s+(?:for\s+you|reading|articles|stories))?|read\s+(?:more|next|also|this\s+next)|(?:most\s+)?popular(?:\s+(?:posts|stories|articles))?|latest\s+(?:news|posts|articles|stories|research)|trending(?:\s+now)?|subscribe.*|sign\s+up.*|(?:get\s+(?:our|the)\s+)?newsletter.*|stay\s+(?:informed|updated|in\s+the\s+loop).*|share(?:\s+(?:this|on|via)\b.*)?|leave\s+a\s+(?:reply|comment).*|\d*\s*(?:comments?|responses?|replies)|join\s+the\s+(?:conversation|discussion)|about\s+the\s+authors?|(?:post\s+)?tags?|categories|follow\s+us.*|cookie.*)$/i;

// Short blocks that are chrome by what they say, whatever their markup.
const CHROME_TEXT = /\b(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|subscribe to (?:our|the) newsletter|sign up for (?:our|the) newsletter|delivered (?:straight |right )?to your inbox|share (?:this|on) (?:article|post|story|twitter|facebook|linkedin|x)|all rights reserved|skip to (?:main )?content)\b/i;

// Text and link-text lengths are asked for every element, many times: memoised per phase (the DOM changes
// between phases), and computed bottom-up so a big page costs O(n) rather than O(n × depth). They are kept on the
// nodes, under symbol keys that cannot clash with domhandler's fields, stamped with the phase: a Map of a 5 MB page's
// ~250,000 nodes cost a hash lookup per node and child (about a second over the three phases), a field one load,
// and a new phase makes every stamp stale at once. WeakMaps that size cost seconds of GC.
const LEN_PHASE: unique symbol = Symbol('lengthsPhase');
const TEXT_LEN: unique symbol = Symbol('textLength');
const LINK_LEN: unique symbol = Symbol('linkTextLength');
type Measured = AnyNode & { [LEN_PHASE]?: number; [TEXT_LEN]?: number; [LINK_LEN]?: number };
let lengthsPhase = 0;
let chromeAncestry = new Map<AnyNode, boolean>();
let codeAncestry = new Map<AnyNode, boolean>();

function resetLengths(): void {
  lengthsPhase++;
}

function measured(n: AnyNode): boolean {
  return (n as Measured)[LEN_PHASE] === lengthsPhase;
}

/** Ancestor answers stay valid while the DOM shrinks; they are dropped per document. */
function resetAncestry(): void {
  chromeAncestry = new Map();
  codeAncestry = new Map();
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head', 'title']);

/** [visible text length (whitespace runs count as one), text length inside links]. Post-order, without recursion. */
function lengths(node: AnyNode): Measured {
  if (measured(node)) return node as Measured;
  // Parallel stacks: a node, and whether its children were already pushed (no tuple per frame).
  const nodes: AnyNode[] = [node];
  const expanded: boolean[] = [false];
  while (nodes.length) {
    const top = nodes.length - 1;
    const n = nodes[top];
    const kids = isElement(n) && !SKIP_TEXT.has(n.name) ? n.children : undefined;
    if (!expanded[top]) {
      expanded[top] = true;
      if (measured(n)) {
        nodes.pop();
        expanded.pop();
        continue;
      }
      if (kids) {for (let i = kids.length - 1; i >= 0; i--) {if (!measured(kids[i])) {
        nodes.push(kids[i]);
        expanded.push(false);
      }}}
      if (nodes.length - 1 > top) continue;
    }
    nodes.pop();
    expanded.pop();
    if (measured(n)) continue;
    let t = 0;
    let l = 0;
    if (n.type === 'text') {
      const d = (n as unknown as { data: string }).data;
      t = textNodeLength(d);
    } else if (kids) {
      for (const k of kids) {
        t += (k as Measured)[TEXT_LEN] as number;
        l += (k as Measured)[LINK_LEN] as number;
      }
      if ((n as Element).name === 'a') l = t;
    }
    const m = n as Measured;
    m[TEXT_LEN] = t;
    m[LINK_LEN] = l;
    m[LEN_PHASE] = lengthsPhase;
  }
  return node as Measured;
}

function textLen(el: AnyNode): number {
  return lengths(el)[TEXT_LEN] as number;
}

function linkTextLen(el: Element): number {
  return lengths(el)[LINK_LEN] as number;
}

/** Chrome by tag, role or name (not by size): used to skip candidates that live in a sidebar or footer. */
function isChromeElement(el: Element): boolean {
  if (CHROME_TAGS.has(el.name) && el.name !== 'header') return true;
  if (CHROME_ROLES.test(el.attribs.role ?? '')) return true;
  const w = chromeWord(el);
  return !!w && !SOFT_CHROME_WORD.test(w);
}

// Ancestor tests asked for every element: memoised (see hasAncestor), never a walk to the root per element.
function insideChrome(el: Element): boolean {
  return hasAncestor(el, isChromeElement, chromeAncestry);
}

function insideCode(el: Element): boolean {
  return hasAncestor(el, (a) => a.name === 'pre' || a.name === 'code', codeAncestry);
}

/** Step 1: drop scripts, styles, embeds, form controls and hidden things. */
export function removeJunk($: CheerioAPI): void {
  removeNodes($(JUNK_SELECTOR).toArray());
  resetLengths();
  resetAncestry();
  // Comments in the HTML source (<!-- -->) are not text; domhandler keeps them as nodes, textOf skips them.
  const bodyLen = textLen($('body')[0] ?? $.root()[0]);
  const maybe = $(MAYBE_JUNK_SELECTOR).toArray();
  // Elements that hold an article container: marked once from the containers up.
  const holdsArticle = new Set<AnyNode>();
  for (const a of $('article, main, [itemprop=articleBody]').toArray()) {
    for (let p = a.parent; p && !holdsArticle.has(p); p = p.parent) holdsArticle.add(p);
  }
  removeNodes(maybe.filter((el) => {
    if (holdsArticle.has(el)) return false;
    const n = textLen(el);
    return !(n > 500 && n > 0.4 * bodyLen);
  }));
}

/** Outermost elements of a set (drop those inside another member). */
function outermost(els: Element[]): Element[] {
  const set = new Set<AnyNode>(els);
  const cache = new Map<AnyNode, boolean>();
  return els.filter((el) => !hasAncestor(el, (a) => set.has(a), cache));
}

/** Readability-style scoring: paragraphs vote for their parent (and half for the grandparent). */
function densityCandidate($: CheerioAPI): Element | undefined {
  const scores = new Map<Element, number>();
  const add = (el: AnyNode | null | undefined, s: number): void => {
    if (!el || !isElement(el)) return;
    scores.set(el, (scores.get(el) ?? 0) + s);
  };
  $('p, pre, td, blockquote, li, div, section').each((_, el) => {
    if (insideChrome(el) || isChromeElement(el)) return;
    // A <div> votes only with its own text (its direct text nodes), so wrappers don't count twice.
    const own = el.name === 'div' || el.name === 'section'
      ? collapseWhitespace(el.children.filter((c) => c.type === 'text').map((c) => (c as unknown as { data: string }).data).join(' '))
      : collapseWhitespace(textOf(el));
    if (own.length < 25) return;
    const s = 1 + (own.match(/[,;]/g)?.length ?? 0) + Math.min(Math.floor(own.length / 100), 3);
    add(el.parent, s);
    add(el.parent?.parent, s / 2);
  });
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, s] of scores) {
    const len = textLen(el);
    const density = len ? linkTextLen(el) / len : 1;
    const score = s * (1 - density);
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

/** Step 2: the element(s) holding the article text, in document order. */
export function findMainContent($: CheerioAPI): Element[] {
  resetLengths();
  const body = ($('body')[0] ?? $.root()[0]) as Element;
  const usable = (els: Element[]): Element[] => outermost(els.filter((el) => !insideChrome(el) && textLen(el) > 0));

  const articles = usable($('article').toArray());
  const mains = usable($('main, [role=main]').toArray());
  const biggest = Math.max(0, ...[...articles, ...mains].map(textLen));
  const enough = (els: Element[]): boolean => {
    const n = els.reduce((a, el) => a + textLen(el), 0);
    return n >= 140 || (n > 0 && n >= 0.25 * biggest);
  };
  const notTeaser = (els: Element[]): boolean => {
    const n = els.reduce((a, el) => a + textLen(el), 0);
    return !(biggest > 1000 && n < 0.2 * biggest);
  };

  const declared = usable($('[itemprop=articleBody], [itemprop=articlebody]').toArray());
  if (declared.length && enough(declared) && notTeaser(declared)) return declared;

  const named = usable($('div, section, article, main').toArray().filter((el) => isBodyContainerName(el)));
  if (named.length && enough(named) && notTeaser(named)) return named;

  // Several <article>s: cards of other posts are usually among them; the longest one is the post.
  if (articles.length) {
    const longest = articles.reduce((a, b) => (textLen(b) > textLen(a) ? b : a));
    if (enough([longest])) return [longest];
  }
  if (mains.length && enough(mains)) return mains;

  const dense = densityCandidate($);
  return [dense ?? body];
}

function isBig(el: Element, rootLen: number): boolean {
  const n = textLen(el);
  return rootLen > 500 && n > 0.5 * rootLen;
}

function holdsData(el: Element): boolean {
  return el.name === 'pre' || el.name === 'table' || elementsIn(el).some((c) => c.name === 'pre' || c.name === 'table');
}

/** The smallest block around a chrome heading that holds just that section. */
function sectionOf(heading: Element, rootLen: number, root: Element): Element[] {
  const parent = heading.parent;
  if (parent && parent !== root && isElement(parent)) {
    const firstTextChild = parent.children.find((c) => (isElement(c) ? textLen(c) > 0 : collapseWhitespace((c as unknown as { data?: string }).data ?? '') !== ''));
    // The heading opens its wrapper (directly or as the wrapper's first child's child): the wrapper is the section.
    const leads = firstTextChild === heading || (!!firstTextChild && isElement(firstTextChild) && firstTextChild.children.includes(heading));
    if (leads && (textLen(parent) < 0.4 * rootLen || rootLen < 300)) {
      const grand = parent.parent;
      // <section><div class=title><h2>Related</h2></div><ul>…</ul></section>: go one more level up.
      if (grand && grand !== root && isElement(grand) && grand.children.find((c) => isElement(c) && textLen(c) > 0) === parent
        && textLen(grand) < 0.4 * rootLen) return [grand];
      return [parent];
    }
  }
  // No wrapper: the heading and the short, link-heavy blocks that follow it.
  const out: Element[] = [heading];
  for (let s = heading.next; s; s = s.next) {
    if (!isElement(s)) continue;
    if (/^h[1-6]$/.test(s.name)) break;
    const n = textLen(s);
    const dense = n ? linkTextLen(s) / n : 0;
    if (n < 200 || dense > 0.5) out.push(s);
    else break;
  }
  return out;
}

/** Step 3: strip chrome inside the chosen containers. */
export function removeChrome(roots: Element[], pageHost?: string): void {
  resetLengths();
  for (const root of roots) {
    const rootLen = textLen(root);
    const remove = new Set<Element>();
    const all = elementsIn(root);
    for (const el of all) {
      if (insideCode(el)) continue;
      const isBlock = !INLINE.has(el.name);
      // By tag and role.
      if (CHROME_TAGS.has(el.name) || CHROME_ROLES.test(el.attribs.role ?? '')) {
        if (el.name === 'aside' && !isChromeAside(el)) continue;
        if (!isBig(el, rootLen)) remove.add(el);
        continue;
      }
      // By class/id words (blocks only: inline spans are too often highlighter tokens or styling).
      const w = chromeWord(el);
      if (w) {
        const soft = SOFT_CHROME_WORD.test(w);
        const inlineOk = /^(?:sr-only|screen-reader-text|visually-?hidden|blob-num)/.test(w);
        if ((isBlock || inlineOk) && !isBig(el, rootLen) && !(soft && (holdsData(el) || textLen(el) > 400))) remove.add(el);
        continue;
      }
      if (!isBlock) continue;
      // Headings that open a chrome section.
      if (/^h[2-6]$/.test(el.name) || el.attribs.role === 'heading') {
        const t = collapseWhitespace(textOf(el)).replace(/[:.!]+$/, '');
        if (t.length <= 60 && CHROME_HEADING.test(t)) for (const s of sectionOf(el, rootLen, root)) remove.add(s);
        continue;
      }
      // Short blocks that say what they are (cookie notes, newsletter prompts, share prompts).
      if (['p', 'div', 'section', 'li'].includes(el.name)) {
        const n = textLen(el);
        if (n > 0 && n < 300 && CHROME_TEXT.test(collapseWhitespace(textOf(el))) && !holdsData(el)) remove.add(el);
        else if (isInternalLinkList(el, pageHost)) remove.add(el);
      }
    }
    removeNodes(remove);
  }
}

/** An <aside> inside the article is kept when it reads like a callout (prose, few links), dropped otherwise. */
function isChromeAside(el: Element): boolean {
  const n = textLen(el);
  if (n < 80) return true;
  if (linkTextLen(el) / n > 0.3) return true;
  const all = [el, ...(el.children.filter(isElement) as Element[])];
  return all.some((c) => !!chromeWord(c));
}

/** Lists of links to the site's own pages (tag clouds, "more stories" blocks without a heading). */
function isInternalLinkList(el: Element, pageHost: string | undefined): boolean {
  if (!['ul', 'ol', 'div', 'section'].includes(el.name)) return false;
  const links: Element[] = [];
  const stack: AnyNode[] = [...el.children];
  while (stack.length) {
    const c = stack.pop() as AnyNode;
    if (!isElement(c)) continue;
    if (c.name === 'a') links.push(c);
    else stack.push(...c.children);
  }
  if (links.length < 3) return false;
  const n = textLen(el);
  if (!n || linkTextLen(el) / n < 0.8) return false;
  const internal = links.filter((a) => {
    const href = a.attribs.href ?? '';
    if (href.startsWith('#')) return false; // in-page table of contents: harmless, and keeps headings
    if (/^\/(?!\/)/.test(href)) return true;
    return !!pageHost && siteOfUrl(href) === pageHost;
  });
  return internal.length >= 0.8 * links.length;
}

