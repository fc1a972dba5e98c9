// The characters a phrase's match can start with, read off its source: a phrase is only tried where the text starts
// with one of them. Sound by construction — anything this reader does not understand gives `null` ("try it
// everywhere") — so the prefilter changes speed, never results.

const QUANT_OPTIONAL = /^(?:\?|\*|\{0[,}])/;

function closeOf(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Top-level alternatives of a source (split at `|` outside groups and classes). */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < src.length && src[i] !== ']'; i++) if (src[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

function classChars(body: string): Set<string> | null {
  if (body.startsWith('^')) return null;
  const out = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    let c = body[i];
    if (c === '\\') {
      const n = body[i + 1];
      if (!n || /[dwsb]/i.test(n)) return null;
      c = n;
      i++;
    }
    if (body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== '\\') {
      const a = c.charCodeAt(0);
      const b = body.charCodeAt(i + 2);
      if (b - a > 80) return null;
      for (let k = a; k <= b; k++) out.add(String.fromCharCode(k));
      i += 2;
    } else out.add(c);
  }
  return out;
}

function firstOfSequence(seq: string): Set<string> | null {
  if (!seq) return null;
  const c = seq[0];
  let chars: Set<string> | null;
  let next: number;
  if (c === '\\') {
    const n = seq[1];
    if (!n || /[dwsDWSbBpPuxck0-9]/.test(n)) return null;
    chars = new Set([n]);
    next = 2;
  } else if (c === '[') {
    const end = seq.indexOf(']', 1);
    if (end < 0 || seq.slice(1, end).includes('\\')) return null;
    chars = classChars(seq.slice(1, end));
    next = end + 1;
  } else if (c === '(') {
    if (/^\(\?(?:[=!]|<[=!])/.test(seq)) return null; // lookarounds
    const end = closeOf(seq, 0);
    if (end < 0) return null;
    const inner = seq.slice(seq.startsWith('(?:') ? 3 : seq.startsWith('(?<') ? seq.indexOf('>') + 1 : 1, end);
    chars = firstChars(inner);
    next = end + 1;
  } else if ('^$.|)?*+{'.includes(c)) return null;
  else {
    chars = new Set([c]);
    next = 1;
  }
  if (!chars || QUANT_OPTIONAL.test(seq.slice(next))) return null;
  return chars;
}

/** Lower-cased first characters of any match of `source`, or null when they cannot be read off it. */
export function firstChars(source: string): Set<string> | null {
  const out = new Set<string>();
  for (const alt of alternatives(source)) {
    const f = firstOfSequence(alt);
    if (!f) return null;
    for (const c of f) out.add(c.toLowerCase());
  }
  return out;
}
