// Article text → ATT&CK techniques with evidence: printed IDs, official names, and the behaviour-phrase table.
import type { Confidence, TechniqueHit } from '../model';
import type { AttackIndex } from './lookup';
import { NamePattern, namePatterns } from './names';
import { BEHAVIOUR_PHRASES, BehaviourPhrase } from './phrases';
import { PhraseScan, phraseScan, PhraseScanner, sentenceIndex } from '../text/phrase-scan';
import { ADVICE } from './phrases/common';
import { isHeadingSentence } from '../text/headings';
import { isHedged, isNegated } from '../text/negation';
import { scanSentences, Sentence, sentenceIndexAt } from '../text/sentences';
import { threatScore, threatSentences } from '../text/threat-words';
import { isAlnumCode } from '../text/chars';
import { WordIds, WordKeys } from '../text/word-keys';

export interface InferOptions {
  /**
   * Drop hits below this confidence. Default 'medium': a single weak phrase (low) is a lead for an analyst,
   * not a finding for the briefing; pass 'low' to get those too.
   */
  minConfidence?: Confidence;
}

export interface TechniqueAnalysis {
  techniques: TechniqueHit[];
  /** Retired IDs the article printed and what they map to (empty replacedBy: no current equivalent; not listed as hits). */
  retired: Array<{ id: string; status: 'revoked' | 'deprecated'; replacedBy: string[] }>;
  /** Technique IDs the article printed that the loaded ATT&CK version does not know (e.g. from a newer release). */
  unknown: string[];
}

type Method = TechniqueHit['method'];
/** `heading`: the sentence is a heading-like line (a topic, not a statement); `at`: its index in the sentence list. */
interface Signal { method: Method; level: number; sentence: Sentence; hedged: boolean; heading: boolean; at: number; replaces: string | undefined }

/** Every signal built with the same fields in the same order (one object shape for the optimiser); `at` -1: unknown. */
function signal(method: Method, level: number, sentence: Sentence, hedged: boolean, heading: boolean, at: number, replaces?: string): Signal {
  return { method, level, sentence, hedged, heading, at, replaces };
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
const LEVELS: Confidence[] = ['low', 'medium', 'high'];
const METHOD_ORDER: Method[] = ['explicit-id', 'name', 'phrase'];
/** A document needs this many distinct threat words before everyday phrases count as attacker behaviour. */
const THREAT_DOC = 3;

// Upper-case T, not preceded by a capital or digit (so hashes and part numbers do not match) but allowed to follow a
// lower-case letter: scraped tables glue cells ("Initial AccessT1566.001Phishing"). Sigma tags too.
const EXPLICIT_ID = /(?<![A-Z0-9_\\/-])(T\d{4}(?:\.\d{3})?)(?!\d|\.\d)|\battack\.(t\d{4}(?:\.\d{3})?)(?!\d|\.\d)/g;

interface CompiledPhrase { p: BehaviourPhrase; re: RegExp; also: RegExp[]; unless?: RegExp; scan: PhraseScan; sticky: RegExp }
let compiled: CompiledPhrase[] | undefined;
function phrases(): CompiledPhrase[] {
  compiled ??= BEHAVIOUR_PHRASES.map((p) => ({
    p,
    re: new RegExp(`(?<![\\w])(?:${p.re.source})(?![\\w])`, p.caseSensitive ? 'g' : 'gi'),
    also: (p.also ?? []).map((a) => new RegExp(a.source, a.flags.includes('i') || p.caseSensitive ? a.flags : a.flags + 'i')),
    unless: p.unless,
    // Candidates are found case-insensitively (a superset) and confirmed with the word-boundary lookbehind.
    scan: phraseScan(p.re.source, 'i'),
    sticky: new RegExp(`(?<![\\w])(?:${p.re.source})`, 'iy'),
  }));
  return compiled;
}

export function inferTechniques(text: string, index: AttackIndex, opts: InferOptions = {}): TechniqueHit[] {
  return analyzeTechniques(text, index, opts).techniques;
}

export function analyzeTechniques(text: string, index: AttackIndex, opts: InferOptions = {}): TechniqueAnalysis {
  // Each pattern runs once over the whole masked text and its matches are mapped to sentences: the rules are
  // per sentence, but scanning per sentence would run hundreds of patterns thousands of times.
  const { masked, sentences } = scanSentences(text);
  // Only compared with THREAT_DOC and THREAT_DOC - 1.
  const docThreat = threatScore(masked, THREAT_DOC);
  const signals = new Map<string, Signal[]>();
  const retired = new Map<string, TechniqueAnalysis['retired'][number]>();
  const unknown = new Set<string>();
  const add = (id: string, s: Signal): void => {
    const list = signals.get(id);
    if (list) list.push(s);
    else signals.set(id, [s]);
  };
  const threatIn = threatSentences(sentences);
  const threatNear = (i: number): boolean => !!(threatIn[i - 1] || threatIn[i] || threatIn[i + 1]);
  const headingCache = new Map<number, boolean>();
  const heading = (i: number): boolean => {
    let h = headingCache.get(i);
    if (h === undefined) headingCache.set(i, (h = isHeadingSentence(text, sentences[i])));
    return h;
  };
  const hedgedCache = new Map<number, boolean>();
  const hedged = (i: number): boolean => {
    let h = hedgedCache.get(i);
    if (h === undefined) hedgedCache.set(i, (h = isHedged(sentences[i].masked)));
    return h;
  };
  /** The sentence holding the whole match [s, e), or -1 when the match crosses a sentence boundary. */
  const sentenceOf = (s: number, e: number): number => {
    const i = sentenceIndexAt(sentences, s);
    return i >= 0 && e <= sentences[i].end ? i : -1;
  };

  // 1. Printed IDs.
  for (const x of masked.matchAll(EXPLICIT_ID)) {
    const i = sentenceOf(x.index, x.index + x[0].length);
    if (i < 0) continue;
    const sentence = sentences[i];
    const raw = (x[1] ?? x[2]).toUpperCase();
    if (index.technique(raw)) {
      add(raw, signal('explicit-id', 2, sentence, false, heading(i), i));
      continue;
    }
    const r = index.retired(raw);
    if (r && r.kind === 'technique') {
      retired.set(raw, { id: raw, status: r.status, replacedBy: r.replacedBy });
      for (const to of r.replacedBy) add(to, signal('explicit-id', r.replacedBy.length === 1 ? 2 : 1, sentence, false, false, -1, raw));
    } else if (!r) unknown.add(raw);
  }

  // 2. Official names, longest first; a span used by a longer name is not reused by a shorter one.
  const used: Array<[number, number]> = [];
  const usedBySentence = new Map<number, Array<[number, number]>>();
  const overlaps = (i: number, s: number, e: number): boolean => (usedBySentence.get(i) ?? []).some(([a, b]) => s < b && e > a);
  // Official names, longest first, each run (its regex is compiled once) only on the sentences holding its rarest
  // word; a span used by a longer name is not reused by a shorter one.
  const sentencesWith: Array<number[] | undefined> = [];
  const sentenceOfPos = sentenceIndex(sentences, masked.length);
  // One pass over the whole text by character code; only words that occur in some official name are built and kept,
  // each mapped to the sentences holding it.
  const vocab = nameVocabulary(namePatterns(index));
  const n = masked.length;
  for (let p = 0; p < n; ) {
    const c = masked.charCodeAt(p);
    if (!isAlnumCode(c)) {
      p++;
      continue;
    }
    let q = p + 1;
    while (q < n && isAlnumCode(masked.charCodeAt(q))) q++;
    const i = sentenceOfPos[p];
    if (i >= 0 && vocab.keys.mayHave(masked, p, q)) {
      const id = vocab.words.idOf(masked, p, q);
      if (id >= 0) {
        const list = sentencesWith[id];
        if (!list) sentencesWith[id] = [i];
        else if (list[list.length - 1] !== i) list.push(i);
      }
    }
    p = q;
  }
  for (const np of namePatterns(index)) {
    // A name matches only in a sentence holding every one of its words: the sentence lists (ascending) intersected.
    let where: number[] | undefined;
    for (const w of nameWordIds(np, vocab.words)) {
      const list = sentencesWith[w];
      where = list && (where ? intersectSorted(where, list) : list);
      if (!where?.length) break;
    }
    if (!where?.length) continue;
    for (const i of where) {
      const sentence = sentences[i];
      np.re.lastIndex = 0;
      for (const x of sentence.masked.matchAll(np.re)) {
        const s = sentence.start + x.index;
        const e = s + x[0].length;
        if (overlaps(i, s, e)) continue;
        used.push([s, e]);
        // One shape for the first span of a sentence and the next ones (a branch taken once per run would leave the
        // optimised code without feedback for it, and it would bail out on every article).
        let spans = usedBySentence.get(i);
        if (!spans) usedBySentence.set(i, (spans = []));
        spans.push([s, e]);
        // Negated, or defender advice ("Monitor for Kerberoasting"): the name is not something the attacker did.
        if (isNegated(sentence.masked, x.index, x.index + x[0].length) || ADVICE.test(sentence.masked)) continue;
        // Tool names (PowerShell, Rundll32) are everyday admin words: they need a threat sentence nearby.
        const single = !/\s/.test(np.name);
        if (!np.full && (single || docThreat < THREAT_DOC) && !threatNear(i)) continue;
        const titleCase = x[0].split(/\s+/).length > 1 && /^[A-Z]/.test(x[0]) && x[0].replace(/\.exe$/i, '') === index.technique(np.id)?.name;
        add(np.id, headingSignal('name', np.full || titleCase ? 2 : 1, sentence, hedged(i), i, heading(i)));
      }
    }
  }

  // 3. Behaviour phrases, on the text with the names already matched blanked out ("Obfuscated Files or
  // Information: Software Packing" is one technique, not also an "obfuscated" phrase). One signal per sentence.
  let rest = masked;
  const blanks = [...used].sort((x, y) => x[0] - y[0]);
  if (blanks.length) {
    const parts: string[] = [];
    let at = 0;
    for (const [a, b] of blanks) {
      parts.push(masked.slice(at, a), ' '.repeat(b - a));
      at = b;
    }
    parts.push(masked.slice(at));
    rest = parts.join('');
  }
  // Each phrase is tried only where it can start (phrase-scan.ts: its literals present, its first characters at a
  // word start); every (phrase, sentence) where it can match becomes a candidate, and each phrase then runs, with
  // all its rules, only on its candidate sentences.
  const all = phrases();
  const phraseCandidates = new Map<number, Set<number>>();
  // Over the blanked text, reading the masked text's word-start index (the hunts' scanner builds it once).
  const phraseScanner = new PhraseScanner(rest, sentences, { base: masked, spans: blanks });
  // seen[i] === n + 1: phrase n already has sentence i (a stamp per phrase instead of a set).
  const seen = new Int32Array(sentences.length);
  for (const [n, c] of all.entries()) {
    let set: Set<number> | undefined;
    phraseScanner.eachCandidate(c.scan, (at) => {
      const i = sentenceOfPos[at];
      if (i < 0 || seen[i] === n + 1) return;
      c.sticky.lastIndex = at;
      if (!c.sticky.test(rest)) return;
      seen[i] = n + 1;
      (set ??= new Set<number>()).add(i);
    });
    if (set) phraseCandidates.set(n, set);
  }
  for (const [n, flagged] of [...phraseCandidates].sort((a, b) => a[0] - b[0])) {
    const { p, re, also, unless } = all[n];
    for (const i of [...flagged].sort((a, b) => a - b)) {
      const sentence = sentences[i];
      const m = sentence.masked;
      if (p.tier === 'context' ? docThreat < THREAT_DOC - 1 || !threatNear(i) : docThreat < THREAT_DOC - 1 && !threatIn[i]) continue;
      if ((also.length && !also.every((a) => a.test(m))) || unless?.test(m)) continue;
      // exec on the phrase's own global regex: matchAll would clone it for every sentence.
      const local = rest.slice(sentence.start, sentence.end);
      re.lastIndex = 0;
      for (let y = re.exec(local); y; y = re.exec(local)) {
        if (!y[0]) re.lastIndex++;
        if (isNegated(m, y.index, y.index + y[0].length)) continue;
        add(p.id, headingSignal('phrase', p.tier === 'strong' ? 1 : 0, sentence, hedged(i), i, heading(i)));
        break;
      }
    }
  }

  const min = RANK[opts.minConfidence ?? 'medium'];
  const techniques: TechniqueHit[] = [];
  for (const [id, sigs] of signals) {
    const t = index.technique(id);
    if (!t) continue;
    const level = confidenceLevel(sigs);
    if (level < 0) continue;
    const confidence = LEVELS[level];
    if (RANK[confidence] < min) continue;
    const method = METHOD_ORDER.find((mm) => sigs.some((s) => s.method === mm))!;
    const evidence = evidenceOf(sigs, sentences, heading);
    if (!evidence) continue;
    const hit: TechniqueHit = { id, name: index.fullName(id), tactics: index.tacticNames(id), confidence, evidence, method };
    const replaces = sigs.find((s) => s.replaces)?.replaces;
    if (replaces) hit.replaces = replaces;
    techniques.push(hit);
  }
  techniques.sort((a, b) => a.id.localeCompare(b.id));
  return { techniques, retired: [...retired.values()], unknown: [...unknown].sort() };
}

/** A name or phrase in a heading-like line names a topic, not a statement: one level lower (a weak phrase drops). */
function headingSignal(method: Method, level: number, sentence: Sentence, hedged: boolean, at: number, isHeading: boolean): Signal {
  return signal(method, isHeading ? level - 1 : level, sentence, hedged, isHeading, at);
}

/**
 * Up to three evidence sentences in text order, narrative only: heading-like lines are replaced by the narrative
 * sentence that follows them (the section's first statement). None when a name or phrase has nothing but headings;
 * a printed ID keeps its own line when nothing narrative follows it (the ID is the evidence).
 */
function evidenceOf(sigs: Signal[], sentences: Sentence[], heading: (i: number) => boolean): string[] | undefined {
  const picked = new Map<number, Sentence>();
  for (const s of sigs) if (!s.heading) picked.set(s.sentence.start, s.sentence);
  if (!picked.size) {
    for (const s of sigs) {
      const at = s.at;
      const next = [at + 1, at + 2].find((k) => k < sentences.length && !heading(k));
      if (next !== undefined) picked.set(sentences[next].start, sentences[next]);
      else if (s.method === 'explicit-id') picked.set(s.sentence.start, s.sentence);
    }
  }
  // None: undefined rather than an empty array (whose elements kind differs from a filled one's).
  if (!picked.size) return undefined;
  return [...picked.values()].sort((a, b) => a.start - b.start).slice(0, 3).map((s) => clip(s.text));
}

/** Best single signal, raised one level by independent corroboration (another sentence or another method), lowered when all evidence is hedged; -1 means drop. */
function confidenceLevel(sigs: Signal[]): number {
  let level = Math.max(...sigs.map((s) => s.level));
  const sentencesSeen = new Set(sigs.map((s) => s.sentence.start)).size;
  const methods = new Set(sigs.map((s) => s.method)).size;
  if (sentencesSeen > 1 || methods > 1) level += 1;
  // Speculation ("we suspect…") lowers confidence; a weak phrase that is only speculated is dropped (-1).
  if (sigs.every((s) => s.hedged)) level -= 1;
  return Math.min(2, level);
}

const WORD_RE = /[a-z0-9]+/g;


/** The values in both ascending lists, ascending. */
function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** Every word of every official name (lower case), and a filter in front of them. */
const vocabularyCache = new WeakMap<readonly NamePattern[], { words: WordIds; keys: WordKeys }>();
function nameVocabulary(patterns: readonly NamePattern[]): { words: WordIds; keys: WordKeys } {
  let v = vocabularyCache.get(patterns);
  if (!v) {
    v = { words: new WordIds(), keys: new WordKeys() };
    for (const np of patterns) {
      for (const w of nameWords(np)) {
        v.words.add(w);
        v.keys.add(w);
      }
    }
    vocabularyCache.set(patterns, v);
  }
  return v;
}

const nameIdCache = new WeakMap<NamePattern, number[]>();
/** A name's words as their numbers in the vocabulary (nameVocabulary added every one). */
function nameWordIds(np: NamePattern, words: WordIds): number[] {
  let ids = nameIdCache.get(np);
  if (!ids) nameIdCache.set(np, (ids = nameWords(np).map((w) => words.idOf(w, 0, w.length))));
  return ids;
}

const nameWordCache = new WeakMap<NamePattern, string[]>();
function nameWords(np: NamePattern): string[] {
  let w = nameWordCache.get(np);
  if (!w) nameWordCache.set(np, (w = np.name.match(WORD_RE) ?? []));
  return w;
}

function clip(s: string, max = 320): string {
  return s.length <= max ? s : s.slice(0, max - 1).replace(/\s+\S*$/, '') + ' …';
}

export { computePhases } from './phases';
