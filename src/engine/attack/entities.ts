// Named threat actors and malware in an article, from MITRE ATT&CK® groups and software (names and aliases), the
// naming schemes vendors use for actors (APT29, TA505, UNC2452, FIN7, Storm-0558), and the article's own naming
// ("the Foo ransomware", "a backdoor dubbed Bar", "threat actor Baz"). Names are matched as whole words with the
// capitalisation ATT&CK gives them, so "Prestige" the ransomware is found but "prestige" the word is not; a one-word
// name that is part of a longer proper noun ("Carbon Black", "James M Snell") is not a mention. Each entity keeps the
// sentence that names it and whether the article states, hedges or denies the attribution.
import type { EntityMention } from '../model';
import { isNegated, isSpeculative } from '../text/negation';
import { Sentence, sentenceIndexAt, splitSentences } from '../text/sentences';
import { isAlnumCode } from '../text/chars';
import { WordKeys } from '../text/word-keys';
import { doubled } from '../text/sorted';

export interface EntityLexiconSource {
  groups: Array<{ name: string; aliases: string[] }>;
  software: Array<{ name: string; aliases: string[]; kind?: 'malware' | 'tool' }>;
}

/** Names too generic to signal anything even when capitalised (sentence starts, headings). */
const GENERIC = new Set([
  'Net', 'Ping', 'Tor', 'Empire', 'Page', 'Mis', 'Cmd', 'Ngrok', 'Systeminfo', 'Tasklist', 'Reg', 'At', 'Cachedump', 'Expand',
  'Hi', 'Doki', 'Responder', 'Rover', 'Exaramel', 'Cuba', 'Moneybird', 'Gold', 'Axiom', 'Ke3chang', 'Lucifer',
  'Winnti', 'Windows', 'Office', 'Outlook', 'Update', 'Orz', 'Pay2Kitten', 'Mustard', 'Mafalda', 'Elephant', 'Wizard',
]);
// TA0001–TA0043 are ATT&CK tactic IDs, not Proofpoint actor names (those never start with 0).
const ACTOR_PATTERN = /\b(?:APT ?\d{1,3}|TA[1-9]\d{2,3}|UNC\d{3,5}|FIN\d{1,2}|Storm-\d{4}|DEV-\d{4})\b/g;
// Words that may precede a name at the start of a clause without being part of it.
const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'New', 'And', 'Or', 'But', 'By', 'Of', 'In', 'On', 'As', 'With',
  'From', 'To', 'For', 'Its', 'Their', 'Our', 'Both', 'Like', 'Unlike', 'When', 'While', 'After', 'Before', 'Since', 'Also', 'Recent', 'Latest']);
// Class nouns that may follow a name ("Crimson RAT", "Clop Ransomware") without making it a longer proper noun.
const CLASS_NOUNS = /^(?:RAT|Ransomware|Malware|Backdoor|Loader|Stealer|Infostealer|Botnet|Trojan|Wiper|Implant|Dropper|Downloader|Group|Gang|Team|APT|Actors?|Operators?|Affiliates?|Campaign|Variant|Family|Payload|Beacon|Sample|Samples)$/;
// The article's own naming. Bounded, case-sensitive on the name (a capital or a digit first).
const NAME = String.raw`([A-Z][A-Za-z0-9]{2,24}(?:[ -][A-Z][A-Za-z0-9]{1,24})?)`;
/** "ransomware" and "Ransomware" (titles), as one alternation. */
function classNouns(words: string): string {
  return words.split(' ').map((w) => `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}`).join('|');
}
const MALWARE_NAMING = [
  new RegExp(String.raw`\b${NAME} (?:${classNouns('ransomware backdoor infostealer stealer loader botnet trojan wiper implant dropper downloader rootkit keylogger webshell')}|RAT)\b`, 'g'),
  new RegExp(String.raw`\b(?:ransomware|backdoor|infostealer|stealer|loader|malware|botnet|trojan|wiper|implant|variant|family) (?:dubbed|called|named|known as) ${NAME}\b`, 'g'),
  new RegExp(String.raw`\b(?:[Ww]e|[Rr]esearchers) (?:have )?(?:dubbed|named|call(?:ed)?) (?:it|this (?:malware|sample|family|variant|strain|threat)) ${NAME}`, 'g'),
];
const ACTOR_NAMING = [
  new RegExp(String.raw`\b(?:threat actor|threat group|APT group|hacking group|ransomware gang|cybercrime group|intrusion set|actor) (?:known as |dubbed |called |named |tracked as )?${NAME}\b`, 'g'),
  new RegExp(String.raw`\b(?:we|researchers|Microsoft|Mandiant|analysts) (?:track|tracks|tracked|call|calls|refer to) (?:this |the )?(?:group |actor |cluster |activity )?as ${NAME}\b`, 'g'),
];
// Descriptors that take the name slot in "Linux ransomware", "New backdoor": platforms and languages, not names.
const NOT_NAMES = new Set(['The', 'This', 'That', 'These', 'Those', 'New', 'Our', 'Its', 'Their', 'Such', 'Most', 'Many', 'Some', 'Other', 'Any', 'Each',
  'Linux', 'Windows', 'Unix', 'Android', 'Mobile', 'Go', 'Golang', 'Python', 'Rust', 'Java', 'JavaScript', 'PowerShell', 'Custom', 'Known', 'Unknown',
  'Malicious', 'Modular', 'Commodity', 'Open', 'Sample', 'Stage', 'First', 'Second', 'Final', 'Initial', 'Remote', 'Access', 'Info', 'Crypto',
  'Banking', 'Wiper', 'Ransomware', 'Backdoor', 'Loader', 'Stealer', 'Trojan', 'Botnet', 'Malware', 'Threat', 'Actor', 'Group',
  'PHP', 'ASP', 'ASPX', 'JSP', 'Perl', 'Ruby', 'Bash', 'Shell', 'VBA', 'VBS', 'HTML', 'Web', 'Office', 'Macro', 'Excel', 'Word', 'Browser', 'Android']);
// A word of a name: letters and digits, with inner dots, hyphens, underscores and pluses ("Bad-Rabbit", "Agent.btz").
const WORD = /[A-Z0-9][\w.+-]*[A-Z0-9+]|[A-Z0-9]/i;
const SPACE = [32];
const SPACE_OR_HYPHEN = [32, 45];


/**
 * The words of a text as WORD finds them, scanned by character code (no match objects): a letter or digit, then
 * the longest run of word characters, dots, pluses and hyphens, cut back to its last letter, digit or plus.
 */
export function wordSpans(text: string): { starts: Int32Array; ends: Int32Array; count: number } {
  const n = text.length;
  let starts = new Int32Array(Math.max(16, n >> 3));
  let ends = new Int32Array(starts.length);
  let count = 0;
  let p = 0;
  while (p < n) {
    if (!isAlnumCode(text.charCodeAt(p))) {
      p++;
      continue;
    }
    let last = p;
    let q = p + 1;
    for (; q < n; q++) {
      const c = text.charCodeAt(q);
      if (isAlnumCode(c) || c === 43) last = q;
      else if (c !== 95 && c !== 46 && c !== 45) break;
    }
    if (count === starts.length) {
      starts = doubled(starts);
      ends = doubled(ends);
    }
    starts[count] = p;
    ends[count++] = last + 1;
    p = last + 1;
  }
  return { starts, ends, count };
}
const MAX_WORDS = 4;

export class EntityLexicon {
  private readonly actors = new Map<string, string>();
  private readonly malware = new Map<string, string>();
  /** First words of every name: an n-gram is only looked up when it starts with one of these. */
  private readonly firstWords = new Set<string>();
  /** A filter in front of that set. */
  private readonly firstKeys = new WordKeys();

  constructor(src: EntityLexiconSource) {
    for (const g of src.groups) for (const n of [g.name, ...g.aliases]) this.addName(this.actors, n, g.name);
    for (const s of src.software) {
      if (s.kind !== 'malware') continue; // tools are mostly legitimate software (PsExec, Net, PowerShell)
      for (const n of [s.name, ...s.aliases]) this.addName(this.malware, n, s.name);
    }
  }

  private addName(map: Map<string, string>, name: string, canonical: string) {
    const n = name.trim();
    if (n.length < 3 || GENERIC.has(n) || !/[A-Z]/.test(n)) return;
    if (n.split(/\s+/).length > MAX_WORDS) return;
    if (!map.has(n)) map.set(n, canonical);
    // The same tokenisation as find(): "Bad-Rabbit" is one token there.
    const first = n.match(WORD)?.[0];
    if (first) {
      this.firstWords.add(first);
      this.firstKeys.add(first);
    }
  }

  /**
   * Actors and malware named in the text (canonical names, in order of first mention). `actors` and `malware` hold
   * only those the article states; `mentions` holds every one with its sentence and how the attribution is stated.
   * `sentences`: the text's split, when the caller has it.
   */
  find(text: string, sentences?: Sentence[]): { actors: string[]; malware: string[]; mentions: EntityMention[] } {
    return summariseMentions((a, b) => text.slice(a, b), this.collect(text), sentences ?? splitSentences(text));
  }

  /**
   * The same as find(`${title}\n${text}`, sentences) without building that copy of the article: no name or naming
   * pattern crosses a line break, so the title (with the two characters after it that a pattern may look at) and the
   * text are read apart and their offsets joined. `sentences` is the split of the joined text (splitSentencesAfter).
   */
  findAfterTitle(title: string, text: string, sentences: Sentence[]): { actors: string[]; malware: string[]; mentions: EntityMention[] } {
    const shift = title.length + 1;
    const head = this.collect(`${title}\n${text.slice(0, 2)}`).filter((f) => f.start < shift);
    const own = this.collect(text).map((f) => ({ ...f, start: f.start + shift, end: f.end + shift }));
    const slice = (a: number, b: number) => (a < shift ? title.slice(a, b) : text.slice(a - shift, b - shift));
    return summariseMentions(slice, [...head, ...own], sentences);
  }

  /** Every mention of a name, in scan order. */
  private collect(text: string): Found[] {
    const found: Found[] = [];
    const { starts, ends, count } = wordSpans(text);
    const word = (i: number) => text.slice(starts[i], ends[i]);
    // Words separated by one space or one hyphen (a name's words): checked by code, without slicing the gap.
    const gapIs = (i: number, codes: readonly number[]) => ends[i] + 1 === starts[i + 1] && codes.includes(text.charCodeAt(ends[i]));
    const upperAt = (p: number) => { const c = text.charCodeAt(p); return c >= 65 && c <= 90; };
    // A one-word name glued to other capitalised words is part of a longer proper noun (a product, a person).
    const insideLongerName = (i: number): boolean => {
      if (i > 0 && gapIs(i - 1, SPACE) && upperAt(starts[i - 1]) && !FUNCTION_WORDS.has(word(i - 1)) && !/[.!?:]\s*$/.test(text.slice(Math.max(0, starts[i - 1] - 2), starts[i - 1]))) return true;
      return i + 1 < count && gapIs(i, SPACE) && upperAt(starts[i + 1]) && !CLASS_NOUNS.test(word(i + 1));
    };
    const firstKeys = this.firstKeys;
    for (let i = 0; i < count; i++) {
      // Most words cannot start a name, and the filter says so without building the word.
      if (!firstKeys.mayHave(text, starts[i], ends[i]) || !this.firstWords.has(word(i))) continue;
      for (let k = MAX_WORDS; k >= 1; k--) {
        if (i + k > count) continue;
        // Only words separated by a single space or hyphen form a name.
        let ok = true;
        for (let j = i + 1; j < i + k && ok; j++) ok = gapIs(j - 1, SPACE_OR_HYPHEN);
        if (!ok) continue;
        const end = ends[i + k - 1];
        const phrase = text.slice(starts[i], end);
        const a = this.actors.get(phrase);
        const m = this.malware.get(phrase);
        if ((a || m) && k === 1 && insideLongerName(i)) continue;
        if (a) found.push({ name: a, kind: 'actor', start: starts[i], end });
        if (m) found.push({ name: m, kind: 'malware', start: starts[i], end });
        if (a || m) {
          i += k - 1;
          break;
        }
      }
    }
    for (const m of text.matchAll(ACTOR_PATTERN)) {
      const name = m[0].replace(/^APT (\d)/, 'APT$1');
      found.push({ name: this.actors.get(name) ?? name, kind: 'actor', start: m.index, end: m.index + m[0].length });
    }
    for (const [patterns, kind] of [[MALWARE_NAMING, 'malware'], [ACTOR_NAMING, 'actor']] as const) {
      for (const re of patterns) {
        for (const m of text.matchAll(re)) {
          // "The Foo ransomware": the determiner is not part of the name.
          const parts = m[1].split(' ');
          let name = NOT_NAMES.has(parts[0].split('-')[0]) ? (parts.length > 1 && !NOT_NAMES.has(parts[1]) ? parts.slice(1).join(' ') : '') : m[1];
          // Title Case ("… Push ScanBox Keylogger", "Argument Loader"): word boundaries of a name are unknowable, so
          // only a one-word name that looks coined (CamelCase, digits, short capitals) is taken.
          const after = text.slice(m.index + m[0].indexOf(m[1]) + m[1].length + 1, m.index + m[0].indexOf(m[1]) + m[1].length + 2);
          if (name && /^[A-Z]$/.test(after)) {
            const last = name.split(' ').pop()!;
            name = /^(?:[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z]+\d[A-Za-z0-9]*|[A-Z]{3,8})$/.test(last) ? last : '';
          }
          if (!name) continue;
          if (m[0] === m[0].toUpperCase()) continue; // a title in capitals: word boundaries of names are unknowable
          const start = m.index + m[0].lastIndexOf(name);
          found.push({ name: (kind === 'actor' ? this.actors.get(name) : this.malware.get(name)) ?? name, kind, start, end: start + name.length });
        }
      }
    }
    return found;
  }
}

/** One entry per (kind, name), in order of first mention, with its best-stated sentence. */
interface Found { name: string; kind: 'actor' | 'malware'; start: number; end: number }

/** `slice(a, b)`: the article's text between two offsets (no sentence crosses the title's line break). */
function summariseMentions(slice: (a: number, b: number) => string, found: Found[], sentences: Sentence[]) {
  const rankOf = { stated: 0, hedged: 1, denied: 2 } as const;
  const byKey = new Map<string, EntityMention & { first: number }>();
  for (const f of found.sort((a, b) => a.start - b.start)) {
    const si = sentenceIndexAt(sentences, f.start);
    const sentence = si >= 0 ? sentences[si] : undefined;
    const local = sentence ? slice(sentence.start, sentence.end) : f.name;
    const at = f.start - (sentence?.start ?? f.start);
    const attribution = isNegated(local, at, at + (f.end - f.start)) ? 'denied' : isSpeculative(local) ? 'hedged' : 'stated';
    const key = `${f.kind}:${f.name}`;
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, { name: f.name, kind: f.kind, attribution, evidence: sentence?.text ?? f.name, first: f.start });
    else if (rankOf[attribution] < rankOf[prev.attribution]) Object.assign(prev, { attribution, evidence: sentence?.text ?? f.name });
  }
  const mentions = [...byKey.values()].sort((a, b) => a.first - b.first).map(({ first: _first, ...m }) => m);
  const actors = mentions.filter((m) => m.kind === 'actor' && m.attribution === 'stated').map((m) => m.name);
  const actorSet = new Set(actors);
  const malware = mentions.filter((m) => m.kind === 'malware' && m.attribution === 'stated' && !actorSet.has(m.name)).map((m) => m.name);
  return { actors, malware, mentions: mentions.filter((m) => !(m.kind === 'malware' && actorSet.has(m.name))) };
}
