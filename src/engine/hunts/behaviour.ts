// Behaviour hunts that the article supports. A catalogue hunt fires only with evidence in the article's narrative:
// one of its trigger techniques inferred at medium confidence or above (a listed parent accepts its sub-techniques),
// or one of its own phrases stated as attacker behaviour (word-bounded, not advice, not negated). Each fired hunt says
// which technique or phrase fired it and quotes the sentence(s).
import type { Confidence, Hunt, TechniqueHit } from '../model';
import { ADVICE } from '../text/advice';
import { isNegated } from '../text/negation';
import type { Sentence } from '../text/sentences';
import { catalogue } from './catalogue';
import { firstChars } from './first-chars';
import { boundedPhrase } from './trigger';
import type { CatalogueHunt } from './types';

const MAX_EVIDENCE = 3;
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

interface Member { hunt: number; sticky: RegExp; order: number }

interface Detector {
  /**
   * Per case mode, the phrases (in catalogue order) bucketed by the lower-cased characters their matches can start
   * with (first-chars.ts); `anywhere` holds the phrases whose first characters cannot be read off their source.
   */
  scans: Array<{ byChar: Map<string, Member[]>; anywhere: Member[] }>;
}
const detectors = new WeakMap<readonly CatalogueHunt[], Detector>();

/** Built once per catalogue: the hunts' phrases grouped by case mode into two combined scanners. */
function detectorFor(hunts: readonly CatalogueHunt[]): Detector {
  let d = detectors.get(hunts);
  if (d) return d;
  const groups = new Map<string, Array<{ hunt: number; source: string; sticky: RegExp }>>();
  hunts.forEach((h, hunt) => {
    for (const p of h.trigger.phrases ?? []) {
      const b = boundedPhrase(p);
      const flags = b.flags.includes('i') ? 'i' : '';
      const list = groups.get(flags) ?? [];
      list.push({ hunt, source: p.source, sticky: new RegExp(b.source, flags + 'y') });
      groups.set(flags, list);
    }
  });
  d = {
    scans: [...groups.values()].map((list) => {
      const byChar = new Map<string, Member[]>();
      const anywhere: Member[] = [];
      list.forEach(({ hunt, source, sticky }, order) => {
        const chars = firstChars(source);
        if (!chars) anywhere.push({ hunt, sticky, order });
        else for (const c of chars) byChar.set(c, [...(byChar.get(c) ?? []), { hunt, sticky, order }]);
      });
      // Each bucket also tries the "anywhere" phrases, in catalogue order, so results match a scan of every phrase.
      for (const [c, members] of byChar) byChar.set(c, [...members, ...anywhere].sort((a, b) => a.order - b.order));
      return { byChar, anywhere };
    }),
  };
  detectors.set(hunts, d);
  return d;
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

/**
 * For each hunt (by index), the narrative sentences where one of its phrases is stated as attacker behaviour, first
 * ones first. The combined scanners find candidate positions in one pass per case mode; each phrase is then tried
 * only there (sticky), and the scan resumes one character later so overlapping phrases are all seen.
 */
export function phraseHitsByHunt(hunts: readonly CatalogueHunt[], ix: NarrativeIndex): Map<number, PhraseHit[]> {
  const out = new Map<number, Map<number, PhraseHit>>();
  const text = ix.joined;
  const advice = new Map<number, boolean>();
  for (const { byChar, anywhere } of detectorFor(hunts).scans) {
    for (let at = 0; at < text.length; at++) {
      // Phrases are word-bounded (boundedPhrase): a match never starts right after a word character.
      if (at > 0 && /\w/.test(text[at - 1])) continue;
      const members = byChar.get(text[at].toLowerCase()) ?? anywhere;
      if (!members.length) continue;
      let i = -1;
      for (const { hunt, sticky } of members) {
        const seen = out.get(hunt);
        if (seen && seen.size >= MAX_EVIDENCE) continue;
        sticky.lastIndex = at;
        const x = sticky.exec(text);
        if (!x) continue;
        if (i < 0) i = sentenceAt(ix, at);
        if (seen?.has(i)) continue;
        const s = ix.sentences[i];
        if (!advice.has(i)) advice.set(i, ADVICE.test(s.masked));
        if (advice.get(i)) break;
        const local = at - ix.starts[i];
        if (isNegated(s.masked, local, local + x[0].length)) continue;
        const map = seen ?? new Map<number, PhraseHit>();
        map.set(i, { phrase: x[0].replace(/\s+/g, ' '), sentence: s });
        out.set(hunt, map);
      }
    }
  }
  return new Map([...out.entries()].map(([h, m]) => [h, [...m.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)]));
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
