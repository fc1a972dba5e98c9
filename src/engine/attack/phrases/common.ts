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

/** One table entry; `unless` is combined with ADVICE. */
export const P = (id: string, tier: BehaviourPhrase['tier'], re: RegExp, note: string, examples: string[], counter?: string[], also?: RegExp[], unless?: RegExp): BehaviourPhrase =>
  ({ id, tier, re, note, examples, ...(counter ? { counter } : {}), ...(also ? { also } : {}), unless: unless ? new RegExp(`${unless.source}|${ADVICE.source}`, 'i') : ADVICE });
