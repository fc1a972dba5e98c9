// Reading a regular expression's source, for the phrase prefilters (required-literals.ts, match-starts.ts): where a
// group or class closes, the top-level alternatives, and what a quantifier allows. Only what those readers need;
// anything else they treat as unknown.

/** Escapes that stand for a class of characters, a position or a code (not one literal character). */
export const ESCAPE_CLASS = /[dwsDWSbBpPuxck0-9nrtfv]/;

/** Index of the `)` closing the group opened at `open`, skipping escapes and classes; -1 if unbalanced. */
export function closeOf(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `]` closing the class opened at `open` (the source length when unclosed). */
export function classEnd(src: string, open: number): number {
  let i = open + 1;
  if (src[i] === ']') i++;
  for (; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
  return i;
}

/** Top-level alternatives of a source (split at `|` outside groups and classes). */
export function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/** The quantifier at `i`, if any: its length, whether it allows zero, and whether it allows more than one. */
export function quantifier(src: string, i: number): { len: number; optional: boolean; repeats: boolean } {
  const c = src[i];
  let len = 0;
  let optional = false;
  let repeats = false;
  if (c === '?') {
    len = 1;
    optional = true;
  } else if (c === '*' || c === '+') {
    len = 1;
    optional = c === '*';
    repeats = true;
  } else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i, i + 16));
    if (m) {
      len = m[0].length;
      optional = Number(m[1]) === 0;
      repeats = m[2] !== undefined ? m[3] !== '1' : Number(m[1]) > 1;
    }
  }
  if (len && src[i + len] === '?') len++; // lazy
  return { len, optional, repeats };
}
