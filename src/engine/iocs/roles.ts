// The role the article gives an indicator ("C2", "payload host", "phishing sender", "dropped file"), read from a
// table cell, a row label, a column header, the words right before the value or the section heading. A role is
// a short fixed label; a "Description"/"Role" cell without a known role word is kept as written when it is short.
import type { IocType } from '../model';

const NET: ReadonlySet<IocType> = new Set(['ipv4', 'ipv6', 'domain', 'url', 'email']);
const FILEISH: ReadonlySet<IocType> = new Set(['md5', 'sha1', 'sha256', 'sha512', 'file_name', 'file_path']);

type Label = string | ((t: IocType, word: string) => string | undefined);
interface Rule {
  re: RegExp;
  label: Label;
  types: ReadonlySet<IocType>;
}

const rule = (re: RegExp, label: Label, types: ReadonlySet<IocType>): Rule => ({ re, label, types });

// Order matters only for ties (two rules ending at the same place): the more specific rule comes first.
const RULES: Rule[] = [
  rule(/\b(?:fallback|backup|secondary|alternate|alternative)\s+(?:c2|c&c|cnc|command[- ]and[- ]control)\b/gi, 'fallback C2', NET),
  rule(/\bexfiltrat\w{0,10}/gi, 'exfiltration server', NET),
  rule(/\b(?:c2|c&c|cnc|command[- ]and[- ]control)\b/gi, 'C2', NET),
  rule(/\bpayloads?\s(?:(?:was |were |is |are )?(?:hosted|served|staged)|host(?:s|ing)?|server)\b|\bhost(?:ed|ing|s)\s(?:the\s|a\s)?(?:\w{1,20}\s)?payloads?\b/gi, 'payload host', NET),
  rule(/\bsent from\b|\bsenders?\b|\bsent (?:by|via)\b/gi, (t) => (t === 'email' || t === 'domain' ? 'phishing sender' : undefined), NET),
  rule(/\bphishing\b/gi, (t) => (t === 'email' ? 'phishing sender' : 'phishing site'), NET),
  rule(/\bdownload(?:ed|s|ing)?\b/gi, (t) => (t === 'url' ? 'download URL' : 'download host'), NET),
  rule(/\bstag(?:ing|er)\b/gi, 'staging server', NET),
  rule(/\bredirect(?:or|s|ed|ing)?\b/gi, 'redirector', NET),
  rule(/\bpayloads?\b/gi, (t) => (t === 'url' ? 'payload URL' : FILEISH.has(t) ? 'payload' : 'payload host'), new Set([...NET, ...FILEISH])),
  rule(/\bdropped\b|\bdrops\b|\bwritten to disk\b/gi, 'dropped file', FILEISH),
  rule(/\b(?:loader|backdoor|implant|infostealer|stealer|ransomware|webshell|web shell|keylogger|downloader|dropper|rat|lure|attachment)\b/gi, (_t, w) => (w === 'rat' ? 'RAT' : w), FILEISH),
];

/**
 * Per type, one regex that matches wherever any of the type's rules does (their union): most text before a value
 * names no role, and one pass says so instead of one pass per rule.
 */
const ANY_RULE = new Map<IocType, RegExp>();
function anyRuleFor(type: IocType): RegExp {
  let re = ANY_RULE.get(type);
  if (!re) {
    re = new RegExp(RULES.filter((r) => r.types.has(type)).map((r) => r.re.source).join('|') || '(?!)', 'i');
    ANY_RULE.set(type, re);
  }
  return re;
}

/** The role named in `s` nearest its end (the words closest to a value written after them), if any fits `type`. */
export function roleIn(s: string, type: IocType): string | undefined {
  if (s.length === 0 || !anyRuleFor(type).test(s)) return undefined;
  let best: string | undefined;
  let bestEnd = -1;
  for (const r of RULES) {
    if (!r.types.has(type)) continue;
    r.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    let lastEnd = -1;
    let word = '';
    while ((m = r.re.exec(s)) !== null) {
      lastEnd = m.index + m[0].length;
      word = m[0].toLowerCase();
    }
    if (lastEnd > bestEnd) {
      const label = typeof r.label === 'string' ? r.label : r.label(type, word);
      if (label) {
        best = label;
        bestEnd = lastEnd;
      }
    }
  }
  return best;
}

/** Header cells that say "this column describes the value". */
const DESCRIPTION_HEADER_RE = /^(?:description|role|purpose|usage|use|function|comments?|notes?|context|type|category|details?|activity|infrastructure type)$/i;
/** Cells that only name the value's IOC type: no role. */
const TYPE_NAME_RE = /^(?:ip(?:v[46])?(?: address)?|domain(?: name)?|host(?:name)?|url|uri|e-?mail(?: address)?|md5|sha-?(?:1|256|512)|hash|file ?(?:name|path)|path|registry(?: key)?|cve|wallet|network|file|indicator|ioc|value)s?$/i;

/** Cells of a table row: [start, end) offsets inside the line, edge pipes of Markdown rows dropped. */
export function cellsOf(line: string): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let a = 0;
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) {
    cells.push([a, i]);
    a = i + 1;
  }
  cells.push([a, line.length]);
  if (cells.length > 1 && line.slice(cells[0][0], cells[0][1]).trim() === '') cells.shift();
  if (cells.length > 1 && line.slice(cells[cells.length - 1][0], cells[cells.length - 1][1]).trim() === '') cells.pop();
  return cells;
}

/**
 * The role of a value in table cell `col` of a row. `header` is the table's header row (cells' text), or null.
 * `free[i]` is true when cell i holds no indicator value (only words).
 */
export function tableRole(type: IocType, row: string[], free: boolean[], col: number, header: string[] | null): string | undefined {
  if (header) {
    const own = header[col]?.trim() ?? '';
    const fromColumn = own && !TYPE_NAME_RE.test(own) ? roleIn(own, type) : undefined;
    if (fromColumn) return fromColumn;
    for (let i = 0; i < header.length && i < row.length; i++) {
      if (i === col || !free[i] || !DESCRIPTION_HEADER_RE.test(header[i].trim())) continue;
      const cell = row[i].trim();
      if (!cell || TYPE_NAME_RE.test(cell)) continue;
      const r = roleIn(cell, type);
      if (r) return r;
      if (cell.length <= 40 && cell.split(/\s+/).length <= 6 && !/^[-–—\s]*$/.test(cell)) return cell;
    }
  }
  for (let i = 0; i < row.length; i++) {
    if (i === col || !free[i]) continue;
    const r = roleIn(row[i], type);
    if (r) return r;
  }
  return undefined;
}
