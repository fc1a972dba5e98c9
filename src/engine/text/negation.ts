// Negation and hedging of a statement: "was not observed", "we suspect". One rule for every step.

// Negation cue shortly before the match, with no clause break in between.
const NEG_BEFORE = /\b(?:no|not|never|without|neither|nor|cannot|can't|didn't|doesn't|don't|isn't|wasn't|weren't|aren't|haven't|hasn't|hadn't|lacks?|lacked|absence of|rather than|instead of|unlike|ruled out)\b/i;
const CLAUSE_BREAK = /[.;:,!?]|\b(?:but|however|whereas|while|although|though)\b/i;
// "… was not observed", "… has not been seen".
const NEG_AFTER = /^[^.;:!?]{0,40}?\b(?:was|were|is|are|has|have|had)?\s*(?:not|never)\s+(?:been\s+)?(?:observed|seen|used|found|detected|present|identified|employed|leveraged)\b/i;
// Hedged statements: "we suspect", "may have", "possibly".
const SPECULATIVE_WORDS = String.raw`suspect(?:ed)?|may have|might|could have|possibly|potentially|unclear|unconfirmed|speculat\w*|not (?:yet )?(?:been )?(?:confirmed|attributed)|not (?:enough|sufficient|substantial) evidence|low confidence`;
const HEDGE = new RegExp(String.raw`\b(?:${SPECULATIVE_WORDS}|likely)\b`, 'i');
// Attribution: "likely" is the estimative language of a confident assessment; speculation and missing evidence are not.
const SPECULATIVE = new RegExp(String.raw`\b(?:${SPECULATIVE_WORDS})\b`, 'i');

/** True when the matched span [s, e) of the sentence is negated. Looks within ~60 characters before, ~40 after. */
export function isNegated(sentence: string, s: number, e: number): boolean {
  const clause = sentence.slice(Math.max(0, s - 60), s).split(CLAUSE_BREAK).pop() ?? '';
  if (NEG_BEFORE.test(clause)) return true;
  return NEG_AFTER.test(sentence.slice(e));
}

export function isHedged(sentence: string): boolean {
  return HEDGE.test(sentence);
}

/** True when a statement (an attribution) is speculation rather than an assessment ("we suspect", "no substantial evidence"). */
export function isSpeculative(sentence: string): boolean {
  return SPECULATIVE.test(sentence);
}
