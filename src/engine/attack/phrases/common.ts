// Shared shape of the behaviour-phrase table (see ../phrases.ts for the rules every entry follows).
import { ADVICE } from '../../text/advice';
import { THREAT_WORD } from '../../text/threat-words';

export { ADVICE };

/**
 * `also` rule for 'strong' entries that state a behaviour (verb and object: "the RAT captures screenshots"): the
 * sentence itself must name the threat doing it (malware, RAT, actors, C2, …), not merely sit in a threat article.
 */
export const STATED_BY_THREAT = THREAT_WORD;

export interface BehaviourPhrase {
  id: string;
  tier: 'strong' | 'context';
  /** The phrase; `\b`-like boundaries are added around it. */
  re: RegExp;
  /** Extra patterns that must all occur in the same sentence (co-occurrence rules). */
  also?: RegExp[];
  /** The entry does not fire in a sentence matching this (a more specific technique covers it; defender advice, see ADVICE). */
  unless?: RegExp;
  caseSensitive?: boolean;
  note: string;
  examples: string[];
  counter?: string[];
}

/** What a table entry states; `phrase()` turns it into an entry. */
export interface PhraseSpec {
  id: string;
  tier: BehaviourPhrase['tier'];
  re: RegExp;
  note: string;
  examples: string[];
  counter?: string[];
  also?: RegExp[];
  unless?: RegExp;
}

/** One table entry, fields named; `unless` is combined with ADVICE. */
export const phrase = ({ id, tier, re, note, examples, counter, also, unless }: PhraseSpec): BehaviourPhrase =>
  ({ id, tier, re, note, examples, ...(counter ? { counter } : {}), ...(also ? { also } : {}), unless: unless ? new RegExp(`${unless.source}|${ADVICE.source}`, 'i') : ADVICE });
