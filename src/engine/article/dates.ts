// Publication dates → YYYY-MM-DD (or YYYY-MM when the article names only a month).
// Dates are read as written (the publisher's own calendar day): "Tue, 30 Aug 2022 23:10 -0700" is 2022-08-30,
// not the UTC day. Converting through `Date` would shift late-evening posts to the next day.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_RE = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR_RE = '((?:19|20)\\d{2})';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A valid calendar day, or undefined. Years outside 1990..2100 are not publication dates. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

// Ordered: the first pattern that matches wins. Each must carry a full day, month and year.
const PATTERNS: Array<{ re: RegExp; read: (m: RegExpMatchArray) => string | undefined; valueOnly?: boolean }> = [
  // 2022-08-31, 2022-08-31T12:57:48Z, 2022/08/31, 2022.08.31
  { re: /(?<!\d)((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/, read: (m) => isoDate(+m[1], +m[3], +m[4]) },
  // 20220831 (compact, as in some meta tags); only when the whole value is that
  { re: /^((?:19|20)\d{2})(\d{2})(\d{2})(?:T[\d:]+Z?)?$/, read: (m) => isoDate(+m[1], +m[2], +m[3]), valueOnly: true },
  // July 19, 2025 / Jul 19 2025 / Jul. 19th, 2025
  { re: new RegExp(`\\b${MONTH_RE}\\s+${DAY_RE},?\\s+${YEAR_RE}\\b`, 'i'), read: (m) => isoDate(+m[3], MONTHS[m[1].toLowerCase()] ?? 0, +m[2]) },
  // 19 July 2025 / Wed, 31 Aug 2022 12:57:48 +0000 / 19th of July, 2025 / 31-Aug-2022
  { re: new RegExp(`\\b${DAY_RE}(?:\\s+of)?[\\s-]+${MONTH_RE},?[\\s-]+${YEAR_RE}\\b`, 'i'), read: (m) => isoDate(+m[3], MONTHS[m[2].toLowerCase()] ?? 0, +m[1]) },
  // 19/07/2025 or 07/19/2025: only when unambiguous (one side > 12); 05/06/2025 could be either.
  {
    re: /(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.])/,
    read: (m) => {
      const a = +m[1];
      const b = +m[3];
      if (a > 12 && b <= 12) return isoDate(+m[4], b, a);
      if (b > 12 && a <= 12) return isoDate(+m[4], a, b);
      return undefined;
    },
  },
];

/** Reads a date value (meta tag, feed field, front matter) as YYYY-MM-DD; undefined when no full date is present. */
export function parseDate(value: string | undefined | null): string | undefined {
  if (value == null) return undefined;
  const s = String(value).trim();
  if (!s) return undefined;
  for (const { re, read } of PATTERNS) {
    const m = s.match(re);
    if (m) {
      const d = read(m);
      if (d) return d;
    }
  }
  // Unix epoch (seconds or milliseconds), used by a few CMSs in meta tags.
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 10 ? Number(s) * 1000 : Number(s);
    const d = new Date(ms);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return undefined;
}

/** Finds the first full date written anywhere in a piece of visible text ("Posted on July 19, 2025 by …"). */
export function findDateInText(text: string): string | undefined {
  let best: { index: number; date: string } | undefined;
  for (const { re, read, valueOnly } of PATTERNS) {
    // Compact 20220831 is only trusted as a whole field value: in prose it is as likely an ID or a build number.
    if (valueOnly) continue;
    const global = new RegExp(re.source, re.flags + 'g');
    for (const m of text.matchAll(global)) {
      const d = read(m);
      if (d && (best === undefined || (m.index ?? 0) < best.index)) best = { index: m.index ?? 0, date: d };
      if (d) break;
    }
  }
  return best?.date;
}

/** The path of a URL, or undefined when there is no URL or it does not parse. */
function urlPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/**
 * A full date in a URL path: /2023/06/12/slug, /2023-06-12-slug. A month-only path (/2023/06/) names no day: it
 * gives none here (monthFromUrlPath reads it, at month precision, when no day is known at all).
 */
export function dateFromUrlPath(url: string | undefined): string | undefined {
  const path = urlPath(url);
  if (path === undefined) return undefined;
  const m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$|[-_.])/.exec(path) ?? /\/((?:19|20)\d{2})-(\d{2})-(\d{2})(?=[-_/.]|$)/.exec(path);
  return m ? isoDate(+m[1], +m[2], +m[3]) : undefined;
}

/** A line near the top that carries the publication date: labelled ("Published June 12, 2023"), a byline, or a bare date. */
const DATE_LINE = /\b(?:published|posted|dated?|written)\b|^by\s/i;

/** The first non-empty lines of a text, trimmed, without the long ones (prose, not a byline or a date line). */
function headLines(text: string, lines: number): string[] {
  return text.split('\n', 60).map((l) => l.trim()).filter(Boolean).slice(0, lines).filter((l) => l.length <= 160);
}

/** The publication date shown in the first lines of an article's text (byline area), or undefined. */
export function dateNearTop(text: string, lines = 8): string | undefined {
  for (const line of headLines(text, lines)) {
    const d = findDateInText(line);
    if (!d) continue;
    // A line that is only the date ("June 12, 2023", "2023-06-12") or labels it.
    const rest = line.replace(/[\d,./:-]+|\b[a-z]{3,9}\.?(?=\s|,|$)/gi, '').trim();
    if (DATE_LINE.test(line) || !rest) return d;
  }
  return undefined;
}

const MONTH_YEAR = new RegExp(`\\b${MONTH_RE},?\\s+${YEAR_RE}\\b`, 'i');

/**
 * A month the top of the article names without a day ("June 2023", "Published: Jun 2023"), as YYYY-MM: an ISO
 * 8601 date of month precision, so no day is invented. Only a line that is that month or labels it.
 */
export function monthNearTop(text: string, lines = 8): string | undefined {
  for (const line of headLines(text, lines)) {
    const m = MONTH_YEAR.exec(line);
    if (!m) continue;
    const month = MONTHS[m[1].toLowerCase().replace(/\.$/, '')];
    const year = +m[2];
    if (!month || year < 1990 || year > 2100) continue;
    const rest = line.replace(m[0], '').replace(/[\s,.:|·•–-]+/g, '');
    if (DATE_LINE.test(line) || !rest) return `${year}-${pad(month)}`;
  }
  return undefined;
}

/** A month-only URL path (/2023/06/slug), as YYYY-MM; used only when no day is known. */
export function monthFromUrlPath(url: string | undefined): string | undefined {
  const path = urlPath(url);
  if (path === undefined) return undefined;
  const m = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(path);
  return m ? `${m[1]}-${m[2]}` : undefined;
}
