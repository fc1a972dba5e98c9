// Article in → Briefing out. A pure function of the article and the loaded MITRE ATT&CK® knowledge: the same
// input gives the same briefing, byte for byte, IDs included.
import { createHash } from 'node:crypto';
import { extractIocs } from '../iocs';
import { VERSION } from '../version';
import { Article, Briefing, PhaseHit, TechniqueHit } from './model';
import { rateSeverity } from './severity';
import { summarise } from './summary';
import { urlKey } from './urlKey';

/** What the pipeline needs from the ATT&CK knowledge; engine/attack provides it from the loaded index. */
export interface AttackKnowledge {
  version?: string;
  inferTechniques(text: string): TechniqueHit[];
  computePhases(techniques: TechniqueHit[], text: string): PhaseHit[];
  /** Threat actors (groups) and malware/tools the text names, official names first. */
  entities(text: string): { actors: string[]; malware: string[] };
}

export interface GenerateOptions {
  attack?: AttackKnowledge;
  /** Extra domains that belong to the publisher (never IOCs). */
  publisherDomains?: string[];
}

/** Stable ID: from the normalised URL when there is one, else from title and text. */
export function briefingId(article: Article): string {
  const key = article.url ? urlKey(article.url) : `${article.title}\n${article.text}`;
  return 'tb-' + createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}

export function generateBriefing(article: Article, opts: GenerateOptions = {}): Briefing {
  const text = article.text;
  const iocs = extractIocs(text, { articleUrl: article.url, publisherDomains: opts.publisherDomains });
  const techniques = opts.attack?.inferTechniques(text) ?? [];
  const phases = opts.attack?.computePhases(techniques, text) ?? [];
  const { actors, malware } = opts.attack?.entities(`${article.title}\n${text}`) ?? { actors: [], malware: [] };
  const cves = iocs.filter((i) => i.type === 'cve').map((i) => i.value);
  const { severity, factors } = rateSeverity({ title: article.title, text, iocs, techniques, phases, actors, malware });
  return {
    schemaVersion: 1,
    id: briefingId(article),
    title: article.title,
    source: article.source,
    ...(article.published ? { published: article.published } : {}),
    ...(article.url ? { url: article.url } : {}),
    ...(article.author ? { author: article.author } : {}),
    severity,
    summary: summarise(text, article.title),
    iocs,
    techniques,
    phases,
    hunts: [],
    entities: { actors, malware, cves },
    rationale: factors,
    generator: { name: 'threat-briefings', version: VERSION, ...(opts.attack?.version ? { attackVersion: opts.attack.version } : {}) },
  };
}

/** The JSON form: stable key order (the object is built in a fixed order) and a trailing newline. */
export function renderJson(b: Briefing): string {
  return JSON.stringify(b, null, 2) + '\n';
}
