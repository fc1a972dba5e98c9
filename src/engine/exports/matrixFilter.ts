// Which briefings a matrix or a Navigator layer covers: a minimum severity and a published-date range. Shared by
// the matrix view and the layer export so both count the same briefings.
import { Briefing, SEVERITIES, Severity } from '../model';

export interface BriefingFilter {
  /** Keep briefings at this severity or above (LOW < MED < HIGH < CRIT). */
  minSeverity?: Severity;
  /** Inclusive YYYY-MM-DD bounds on the published date. */
  from?: string;
  to?: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The published day, or undefined when missing or not YYYY-MM-DD (a hand-edited file may hold anything). */
export function publishedDay(b: Pick<Briefing, 'published'>): string | undefined {
  return typeof b.published === 'string' && DAY_RE.test(b.published) ? b.published : undefined;
}

export function isValidDay(s: unknown): s is string {
  return typeof s === 'string' && DAY_RE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

export function hasDateRange(f: BriefingFilter): boolean {
  return !!(f.from || f.to);
}

export function severityRank(s: string): number {
  return SEVERITIES.indexOf(s as Severity);
}

/**
 * True when the briefing passes the filter. Undated briefings pass only when no date range is set: a range is a
 * question about when, which an undated article cannot answer.
 */
export function passesFilter(b: Pick<Briefing, 'severity' | 'published'>, f: BriefingFilter): boolean {
  if (f.minSeverity && severityRank(b.severity) < severityRank(f.minSeverity)) return false;
  if (!hasDateRange(f)) return true;
  const day = publishedDay(b);
  if (!day) return false;
  // YYYY-MM-DD strings compare in date order.
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

/** A filter from untrusted input (webview message, CLI flags): unknown severities and bad dates are dropped. */
export function cleanFilter(raw: unknown): BriefingFilter {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: BriefingFilter = {};
  if (typeof r.minSeverity === 'string' && (SEVERITIES as readonly string[]).includes(r.minSeverity)) out.minSeverity = r.minSeverity as Severity;
  if (isValidDay(r.from)) out.from = r.from;
  if (isValidDay(r.to)) out.to = r.to;
  return out;
}

/** The filter in words, for a layer's description and the view's status line. */
export function describeFilter(f: BriefingFilter): string {
  const parts: string[] = [];
  if (f.minSeverity) parts.push(`severity ${f.minSeverity} or above`);
  if (f.from && f.to) parts.push(`published ${f.from} to ${f.to}`);
  else if (f.from) parts.push(`published on or after ${f.from}`);
  else if (f.to) parts.push(`published on or before ${f.to}`);
  return parts.length ? parts.join(', ') : 'all briefings';
}
