// The hunts step: behaviour hunts the article's narrative supports, IOC hunts with the briefing's IOCs filled in, and
// the article's own hunt. Pure: the same briefing facts give the same hunts in the same order, IDs included.
import type { Hunt, Ioc, KillChainPhase, TechniqueHit } from '../model';
import { KILL_CHAIN_PHASES } from '../model';
import { articleHunt } from './article/hunt';
import { fireBehaviourHunts, indexNarrative } from './behaviour';
import { iocHunts } from './ioc/fill';
import { narrativeSentences } from './narrative';
import type { CatalogueHunt } from './types';
import { scanSentences } from '../text/sentences';

export interface HuntInput {
  briefingId: string;
  /** The article's main text (Article.text). */
  text: string;
  iocs: readonly Ioc[];
  techniques: readonly TechniqueHit[];
  /** The behaviour catalogue to choose from; the real one unless a test passes its own. */
  catalogue?: readonly CatalogueHunt[];
}

const PHASE_RANK = new Map<KillChainPhase, number>(KILL_CHAIN_PHASES.map((p, i) => [p, i]));
const KIND_RANK: Record<Hunt['kind'], number> = { behaviour: 0, article: 1, ioc: 2 };

/** Behaviour hunts first, then the article's hunt, then IOC hunts; each group in kill-chain order, then by ID. */
export function orderHunts(hunts: Hunt[]): Hunt[] {
  return [...hunts].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]
    || (PHASE_RANK.get(a.phase) ?? 99) - (PHASE_RANK.get(b.phase) ?? 99)
    || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function selectHunts(input: HuntInput): Hunt[] {
  // Nothing the article shows as malicious, nothing to hunt: tutorials and release notes get no hunt.
  if (!input.techniques.length && !input.iocs.length) return [];
  const sentences = narrativeSentences(input.text);
  const split = scanSentences(input.text);
  const narrative = indexNarrative(split.masked, sentences);
  const hunts = [
    ...fireBehaviourHunts([...input.techniques], narrative, input.catalogue),
    ...iocHunts(input.iocs, split.sentences),
  ];
  const own = articleHunt({ ...input, sentences, joined: { text: narrative.text, starts: narrative.starts } });
  if (own) hunts.push(own);
  return orderHunts(hunts);
}
