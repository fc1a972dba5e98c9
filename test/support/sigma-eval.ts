// A small Sigma evaluator for tests: does one event (a flat record of fields) match a rule's detection? Supports what
// the catalogue's specs use: wildcards (* ?) with backslash escapes, case-insensitive matching, the modifiers contains,
// startswith, endswith, all, re (with i), lists (any), maps (all), lists of maps (any), and conditions with and, or,
// not, parentheses, "1 of x_*" and "all of x_*".
import type { SigmaSelection, SigmaValue } from '../../src/engine/model';

export type SigmaEvent = Record<string, string | number>;

function escapeRe(s: string): string {
  return s.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');
}

/** A Sigma string value as a regular expression (wildcards, escapes) anchored according to the modifier. */
function valueRegex(v: string, mod: 'eq' | 'contains' | 'startswith' | 'endswith'): RegExp {
  let body = '';
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (c === '\\' && (v[i + 1] === '*' || v[i + 1] === '?' || v[i + 1] === '\\')) {
      body += escapeRe(v[i + 1]);
      i++;
    } else if (c === '*') body += '.*';
    else if (c === '?') body += '.';
    else body += escapeRe(c);
  }
  const start = mod === 'eq' || mod === 'startswith' ? '^' : '';
  const end = mod === 'eq' || mod === 'endswith' ? '$' : '';
  return new RegExp(start + body + end, 'is');
}

function fieldMatches(event: SigmaEvent, key: string, value: SigmaValue): boolean {
  const [field, ...mods] = key.split('|');
  const actual = event[field];
  if (actual === undefined) return false;
  const text = String(actual);
  const values = Array.isArray(value) ? value : [value];
  const all = mods.includes('all');
  const test = (v: string | number): boolean => {
    if (mods.includes('re')) return new RegExp(String(v), mods.includes('i') ? 'i' : '').test(text);
    const mod = mods.includes('contains') ? 'contains' : mods.includes('startswith') ? 'startswith' : mods.includes('endswith') ? 'endswith' : 'eq';
    return typeof v === 'number' && mod === 'eq' ? Number(actual) === v : valueRegex(String(v), mod).test(text);
  };
  return all ? values.every(test) : values.some(test);
}

function selectionMatches(event: SigmaEvent, sel: SigmaSelection): boolean {
  const maps = Array.isArray(sel) ? sel : [sel];
  return maps.some((m) => Object.entries(m).every(([k, v]) => fieldMatches(event, k, v)));
}

/** Whether the event matches the detection's condition. */
export function sigmaMatches(detection: Record<string, SigmaSelection>, condition: string, event: SigmaEvent): boolean {
  const tokens = condition.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').split(/\s+/).filter(Boolean);
  let i = 0;
  const names = Object.keys(detection);
  const one = (name: string) => selectionMatches(event, detection[name]);
  const pattern = (p: string) => {
    const re = new RegExp('^' + p.split('*').map(escapeRe).join('.*') + '$');
    return names.filter((n) => re.test(n));
  };
  const primary = (): boolean => {
    const t = tokens[i++];
    if (t === 'not') return !primary();
    if (t === '(') {
      const v = or();
      if (tokens[i++] !== ')') throw new Error(`unbalanced condition: ${condition}`);
      return v;
    }
    if ((t === '1' || t === 'all') && tokens[i] === 'of') {
      i++;
      const matched = pattern(tokens[i++] === 'them' ? '*' : tokens[i - 1]);
      if (!matched.length) throw new Error(`no selection matches in ${condition}`);
      return t === '1' ? matched.some(one) : matched.every(one);
    }
    if (!(t in detection)) throw new Error(`unknown selection ${t} in ${condition}`);
    return one(t);
  };
  const and = (): boolean => {
    let v = primary();
    while (tokens[i] === 'and') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (tokens[i] === 'or') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const result = or();
  if (i !== tokens.length) throw new Error(`trailing tokens in condition: ${condition}`);
  return result;
}
