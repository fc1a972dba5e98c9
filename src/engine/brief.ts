// The composition point: source → Article → IOCs → techniques and phases → severity → hunts → Briefing → Markdown + JSON.
// The only engine file that imports the steps; the CLI, the extension and the tests all brief through it, and a new
// step is wired here once. Generation is a pure function of the article and the loaded MITRE ATT&CK® knowledge: the
// same input gives the same briefing, byte for byte, IDs included.
import { createHash } from 'node:crypto';
import { articleFromContent, ContentOptions, loadArticle, LoadOptions } from './article/load';
import { renderMarkdown } from './briefing/markdown';
import { rateSeverity } from './briefing/severity';
import { summarise } from './briefing/summary';
import { selectHunts } from './hunts/select';
import { extractIocs } from './iocs/extract';
import { Article, AttackKnowledge, Briefing } from './model';
import { siteOfUrl, urlKey } from './text/hosts';
import { VERSION } from './version';

export { fullTextArticle, loadFeed } from './article/loadFeed';
export type { FeedItem, FeedSource, LoadedFeed, LoadFeedOptions } from './article/loadFeed';
export type { FeedEntryError } from './article/feed';

export interface GenerateOptions {
  attack?: AttackKnowledge;
  /** Extra domains that belong to the publisher (never IOCs). */
  publisherDomains?: string[];
}

/** Stable ID: from the normalised URL when there is one, else from title and text. */
export function briefingId(article: Article): string {
  const h = createHash('sha256');
  // Title and text are fed one after the other: the same digest as hashing them joined, without building the copy.
  if (article.url) h.update(urlKey(article.url), 'utf8');
  else h.update(article.title, 'utf8').update('\n', 'utf8').update(article.text, 'utf8');
  return 'tb-' + h.digest('hex').slice(0, 16);
}

export function generateBriefing(article: Article, opts: GenerateOptions = {}): Briefing {
  const text = article.text;
  const iocs = extractIocs(text, { articleUrl: article.url, publisherDomains: opts.publisherDomains });
  const techniques = opts.attack?.inferTechniques(text) ?? [];
  const phases = opts.attack?.computePhases(techniques, text) ?? [];
  const { actors, malware, mentions = [] } = opts.attack?.entities(text, article.title) ?? { actors: [], malware: [] };
  const cves = iocs.filter((i) => i.type === 'cve').map((i) => i.value);
  const { severity, factors } = rateSeverity({ title: article.title, text, iocs, techniques, phases, actors, malware });
  const id = briefingId(article);
  return {
    schemaVersion: 1,
    id,
    title: article.title,
    // The JSON and the Markdown name the same publisher: the page's, else the article URL's site.
    source: article.source || (article.url ? siteOfUrl(article.url) ?? '' : ''),
    published: article.published || null,
    ...(article.url ? { url: article.url } : {}),
    ...(article.author ? { author: article.author } : {}),
    severity,
    summary: summarise(text, article.title),
    iocs,
    techniques,
    phases,
    // Hunts come after severity and never feed it: a hunt is what to look for, not evidence of harm.
    hunts: selectHunts({ briefingId: id, text, iocs, techniques }),
    entities: { actors, malware, cves, mentions },
    rationale: factors,
    generator: { name: 'threat-briefings', version: VERSION, ...(opts.attack?.version ? { attackVersion: opts.attack.version } : {}) },
  };
}

/** The JSON form: stable key order (the object is built in a fixed order) and a trailing newline. */
export function renderJson(b: Briefing): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** What to brief: a URL or file path (loaded), content already in hand, or an Article (a feed entry). */
export type BriefSource = { input: string } | ({ content: string } & ContentOptions) | { article: Article };

export interface BriefOptions extends GenerateOptions, Omit<LoadOptions, 'fetch'> {
  fetch?: LoadOptions['fetch'];
}

export interface BriefResult {
  briefing: Briefing;
  markdown: string;
  json: string;
}

/** An Article already in hand → its briefing in both renderings. Synchronous. */
export function briefLoaded(article: Article, opts: GenerateOptions = {}): BriefResult {
  const briefing = generateBriefing(article, opts);
  return { briefing, markdown: renderMarkdown(briefing), json: renderJson(briefing) };
}

/** Any source → its briefing. URLs are fetched with `opts.fetch`; the user's overrides (title, url…) win. */
export async function briefArticle(source: BriefSource, opts: BriefOptions = {}): Promise<BriefResult> {
  const { attack, publisherDomains, fetch, ...overrides } = opts;
  const article = 'article' in source ? source.article
    : 'content' in source ? articleFromContent(source.content, { ...overrides, ...source })
      : await loadArticle(source.input, { ...overrides, fetch });
  return briefLoaded(article, { attack, publisherDomains });
}
