// Behaviour hunts that the article supports. A catalogue hunt fires only with evidence in the article's narrative:
// one of its trigger techniques inferred at medium confidence or above (a listed parent accepts its sub-techniques),
// or one of its own phrases stated as attacker behaviour (word-bounded, not advice, not negated). Each fired hunt says
// which technique or phrase fired it and quotes the sentence(s).
import type { Confidence, Hunt, TechniqueHit } from '../model';
import { ADVICE } from '../text/advice';
import { isNegated } from '../text/negation';
import { PhraseScan, phraseScan, PhraseScanner } from '../text/phrase-scan';
import type { Sentence } from '../text/sentences';
import { catalogue } from './catalogue';
import { boundedPhrase } from './trigger';
import type { CatalogueHunt } from './types';

const MAX_EVIDENCE = 3;
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** One trigger phrase, compiled for the scan: where it can match, and its bounded form that confirms a match. */
interface Scanner { hunt: number; order: number; scan: PhraseScan; bounded: RegExp }
const scanners = new WeakMap<readonly CatalogueHunt[], Scanner[]>();

/** Built once per catalogue, in catalogue order. */
function scannersFor(hunts: readonly CatalogueHunt[]): Scanner[] {
  let list = scanners.get(hunts);
  if (list) return list;
  list = [];
  for (const [hunt, h] of hunts.entries()) {
    for (const p of h.trigger.phrases ?? []) {
      const b = boundedPhrase(p);
      const flags = b.flags.includes('i') ? 'i' : '';
      list.push({ hunt, order: list.length, scan: phraseScan(p.source, flags), bounded: new RegExp(b.source, flags + 'y') });
    }
  }
  scanners.set(hunts, list);
  return list;
}

/**
 * The narrative sentences within the article's masked text (every sentence's masked text is a slice of it), so a
 * phrase is searched once per article, not once per sentence.
 */
export interface NarrativeIndex {
  sentences: Sentence[];
  /** The whole masked text (scanSentences). */
  text: string;
  /** Each sentence's start in `text`. */
  starts: number[];
}

export function indexNarrative(masked: string, sentences: Sentence[]): NarrativeIndex {
  return { sentences, text: masked, starts: sentences.map((s) => s.start) };
}

export interface PhraseHit { phrase: string; sentence: Sentence }

/**
 * For each hunt (by index), the narrative sentences where one of its phrases is stated as attacker behaviour, first
 * ones first; in each sentence the phrase whose match starts first (catalogue order on a tie). A phrase whose
 * required literals are absent from the narrative is skipped outright (required-literals.ts); the others search the
 * narrative natively and are confirmed with word boundaries at each place they could match, so overlapping
 * matches are all seen.
 */
export function phraseHitsByHunt(hunts: readonly CatalogueHunt[], ix: NarrativeIndex): Map<number, PhraseHit[]> {
  const advice = new Map<number, boolean>();
  const scanner = new PhraseScanner(ix.text, ix.sentences);
  const sentenceOf = scanner.sentenceIndex();
  const best = new Map<number, Map<number, { at: number; order: number; hit: PhraseHit }>>();
  for (const sc of scannersFor(hunts)) {
    const { bounded } = sc;
    const sentences = new Set<number>();
    const cands = scanner.candidates(sc.scan);
    for (let c = 0; c < cands.length; c++) {
      const at = cands[c];
      // A phrase is stated inside one narrative sentence: confirmed on that sentence alone.
      const i = sentenceOf[at];
      if (i < 0 || sentences.has(i)) continue;
      const s = ix.sentences[i];
      const local = at - s.start;
      if (local >= s.masked.length) continue;
      bounded.lastIndex = local;
      const x = bounded.exec(s.masked);
      if (!x) continue;
      if (!advice.has(i)) advice.set(i, ADVICE.test(s.masked));
      if (advice.get(i)) continue;
      if (isNegated(s.masked, local, local + x[0].length)) continue;
      sentences.add(i);
      const map = best.get(sc.hunt) ?? new Map<number, { at: number; order: number; hit: PhraseHit }>();
      const old = map.get(i);
      if (!old || at < old.at || (at === old.at && sc.order < old.order)) map.set(i, { at, order: sc.order, hit: { phrase: x[0].replace(/\s+/g, ' '), sentence: s } });
      best.set(sc.hunt, map);
      // Only a phrase's first sentences can be among its hunt's first MAX_EVIDENCE.
      if (sentences.size >= MAX_EVIDENCE) break;
    }
  }
  return new Map([...best.entries()].map(([h, m]) => [h, [...m.entries()].sort((a, b) => a[0] - b[0]).slice(0, MAX_EVIDENCE).map(([, v]) => v.hit)]));
}

/** `T1059.001` of `T1059`, compared in place (no string built per pair). */
function isSubTechniqueOf(sub: string, parent: string): boolean {
  return sub.length > parent.length && sub.charCodeAt(parent.length) === 46 && sub.startsWith(parent);
}

/** The best technique hit that a trigger accepts: itself, or a sub-technique of a listed parent. */
export function techniqueHit(h: CatalogueHunt, techniques: TechniqueHit[]): TechniqueHit | undefined {
  let best: TechniqueHit | undefined;
  const ids = h.trigger.techniques ?? [];
  for (const t of techniques) {
    if (RANK[t.confidence] < RANK.medium || !t.evidence.length) continue;
    let ok = false;
    for (const id of ids) if ((ok = t.id === id || (!id.includes('.') && isSubTechniqueOf(t.id, id)))) break;
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
  const byHunt = phraseHitsByHunt(hunts, ix);
  for (const [k, h] of hunts.entries()) {
    const tech = techniqueHit(h, techniques);
    const phrases = byHunt.get(k) ?? [];
    if (!tech && !phrases.length) continue;
    const said = phrases.length ? `says “${quote(phrases[0].phrase)}”` : '';
    const reason = tech
      ? `The article describes ${tech.id} ${tech.name} (${tech.confidence} confidence)${said ? `; it also ${said}` : ''}.`
      : `The article ${said}.`;
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
      reason,
      evidence,
      telemetry: { splunk: [...h.telemetry.splunk], defender: [...h.telemetry.defender] },
      spl: h.spl,
      kql: h.kql,
      falsePositives: [...h.falsePositives],
    });
  }
  return out;
}
