// Whether a sentence of the article's narrative supports a hunt's trigger phrases. Phrases are word-bounded and
// case-insensitive; advice ("monitor for…", "we recommend…") and negated statements ("no PsExec was observed") never
// count. Compiled once per phrase, on first use.
import { ADVICE } from '../text/advice';
import { isNegated } from '../text/negation';
import type { HuntTrigger } from './types';

const compiled = new WeakMap<RegExp, RegExp>();

/** The phrase with word boundaries and the `i` flag: "EC2" never matches inside "EC2instance", "atera" not in "lateral". */
export function boundedPhrase(re: RegExp): RegExp {
  let c = compiled.get(re);
  if (!c) {
    c = new RegExp(`(?<![A-Za-z0-9_])(?:${re.source})(?![A-Za-z0-9_])`, re.flags.includes('i') || !/[A-Z]/.test(re.source) ? 'i' : re.flags.replace('g', ''));
    compiled.set(re, c);
  }
  return c;
}

/** The first trigger phrase the sentence states as attacker behaviour, or undefined. */
export function phraseIn(trigger: HuntTrigger, sentence: string): RegExp | undefined {
  if (!trigger.phrases?.length || ADVICE.test(sentence)) return undefined;
  for (const p of trigger.phrases) {
    const m = boundedPhrase(p).exec(sentence);
    if (m && !isNegated(sentence, m.index, m.index + m[0].length)) return p;
  }
  return undefined;
}
