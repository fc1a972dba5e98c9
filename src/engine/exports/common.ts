// Facts every export of a hunt needs, resolved once: date, author, references, techniques.
import type { Briefing, Hunt } from '../model';
import { DEFAULT_AUTHOR, ExportOptions } from './types';
import { oneLine } from './names';
import { techniqueIds } from './tactics';

const DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** The rule date: the caller's, else the article's publication date; undefined when neither is a real date. */
export function exportDate(briefing: Briefing, opts: ExportOptions): string | undefined {
  const d = opts.date ?? briefing.published?.slice(0, 10);
  return d && DATE.test(d) ? d : undefined;
}

export function exportAuthor(opts: ExportOptions): string {
  return oneLine(opts.author ?? '') || DEFAULT_AUTHOR;
}

/** The article URL when it is an http(s) URL (the only kind security_content accepts). */
export function articleUrl(briefing: Briefing): string | undefined {
  const u = briefing.url?.trim();
  return u && /^https?:\/\/\S+$/i.test(u) ? u : undefined;
}

export function huntTechniques(hunt: Hunt): string[] {
  return techniqueIds(hunt.techniques ?? []);
}

export const NO_DATE = 'the briefing has no published date and no date was given (pass a date, YYYY-MM-DD)';

/** A description that says where the hunt came from. */
export function describe(hunt: Hunt, briefing: Briefing): string {
  const base = hunt.description?.trim() || oneLine(hunt.title);
  const reason = oneLine(hunt.reason ?? '');
  return `${base}\n\nFrom the threat briefing "${oneLine(briefing.title)}"${briefing.source ? ` (${oneLine(briefing.source)})` : ''}.${reason ? ` Why it fired: ${reason}` : ''}`;
}
