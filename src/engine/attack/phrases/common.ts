// Shared shape of the behaviour-phrase table (see ../phrases.ts for the rules every entry follows).
import { ADVICE } from '../../text/advice';

export { ADVICE };

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
