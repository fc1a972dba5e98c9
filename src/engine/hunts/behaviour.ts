// Behaviour hunts that the article supports. A catalogue hunt fires only with evidence in the article's narrative:
// one of its trigger techniques inferred at medium confidence or above (a listed parent accepts its sub-techniques),
// or one of its own phrases stated as attacker behaviour (word-bounded, not advice, not negated). Each fired hunt says
// which technique or phrase fired it and quotes the sentence(s).
import type { Confidence, Hunt, TechniqueHit } from '../model';
import { ADVICE } from '../text/advice';
import { isNegated } from '../text/negation';
import type { Sentence } from '../text/sentences';
import { catalogue } from './catalogue';
import { boundedPhrase } from './trigger';
import type { CatalogueHunt } from './types';

const MAX_EVIDENCE = 3;
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

const globalOf = new WeakMap<RegExp, RegExp>();
/** The bounded phrase as a global regex, compiled once per phrase, to scan the whole narrative in one pass. */
function scanner(p: RegExp): RegExp {
  let g = globalOf.get(p);
  if (!g) {
    const b = boundedPhrase(p);
    g = new RegExp(b.source, b.flags.replace('g', '') + 'g');
    globalOf.set(p, g);
  }
  return g;
}

/** The narrative joined once, with each sentence's start, so a phrase runs once per article, not once per sentence. */
export interface NarrativeIndex {
  sentences: Sentence[];
  joined: string;
  starts: number[];
}

export function indexNarrative(sentences: Sentence[]): NarrativeIndex {
  const starts: number[] = [];
  let at = 0;
  for (const s of sentences) {
    starts.push(at);
    at += s.masked.length + 1;
  }
  return { sentences, joined: sentences.map((s) => s.masked.replace(/\n/g, ' ')).join('\n'), starts };
}

function sentenceAt(ix: NarrativeIndex, pos: number): number {
  let lo = 0;
  let hi = ix.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ix.starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface PhraseHit { phrase: string; sentence: Sentence }

/** Narrative sentences where one of the trigger's phrases is stated as attacker behaviour, first ones first. */
export function phraseHits(h: CatalogueHunt, ix: NarrativeIndex): PhraseHit[] {
  const hits = new Map<number, PhraseHit>();
  for (const p of h.trigger.phrases ?? []) {
    const re = scanner(p);
    re.lastIndex = 0;
    for (const m of ix.joined.matchAll(re)) {
      const i = sentenceAt(ix, m.index);
      if (hits.has(i)) continue;
      const s = ix.sentences[i];
      const local = m.index - ix.starts[i];
      if (ADVICE.test(s.masked) || isNegated(s.masked, local, local + m[0].length)) continue;
      hits.set(i, { phrase: m[0].replace(/\s+/g, ' '), sentence: s });
      if (hits.size >= MAX_EVIDENCE) break;
    }
  }
  return [...hits.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v).slice(0, MAX_EVIDENCE);
}

/** The best technique hit that a trigger accepts: itself, or a sub-technique of a listed parent. */
export function techniqueHit(h: CatalogueHunt, techniques: TechniqueHit[]): TechniqueHit | undefined {
  let best: TechniqueHit | undefined;
  for (const t of techniques) {
    if (RANK[t.confidence] < RANK.medium || !t.evidence.length) continue;
    const ok = (h.trigger.techniques ?? []).some((id) => t.id === id || (!id.includes('.') && t.id.startsWith(id + '.')));
    if (ok && (!best || RANK[t.confidence] > RANK[best.confidence])) best = t;
  }
  return best;
}

function quote(s: string, max = 60): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** The catalogue hunts the article supports; `hunts` defaults to the real catalogue (tests pass their own). */
export function fireBehaviourHunts(techniques: TechniqueHit[], ix: NarrativeIndex, hunts: readonly CatalogueHunt[] = catalogue()): Hunt[] {
  const out: Hunt[] = [];
  for (const h of hunts) {
    const tech = techniqueHit(h, techniques);
    const phrases = phraseHits(h, ix);
    if (!tech && !phrases.length) continue;
    const reasons: string[] = [];
    if (tech) reasons.push(`the article describes ${tech.id} ${tech.name} (${tech.confidence} confidence)`);
    if (phrases.length) reasons.push(`it says “${quote(phrases[0].phrase)}”`);
    const evidence = [...new Set([...(tech?.evidence.slice(0, 2) ?? []), ...phrases.map((p) => p.sentence.text)])].slice(0, MAX_EVIDENCE);
    const confidence: Confidence = (tech && phrases.length) || tech?.confidence === 'high' ? 'high' : 'medium';
    out.push({
      id: h.id,
      kind: 'behaviour',
      title: h.title,
      description: h.description,
      phase: h.phase,
      confidence,
      techniques: [...h.techniques],
      reason: reasons.join('; and ').replace(/^./, (c) => c.toUpperCase()) + '.',
      evidence,
      telemetry: { splunk: [...h.telemetry.splunk], defender: [...h.telemetry.defender] },
      spl: h.spl,
      kql: h.kql,
      falsePositives: [...h.falsePositives],
    });
  }
  return out;
}
