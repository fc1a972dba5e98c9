// The IOCs of several briefings as one file (a selection in the tree): one CSV with one header, or one STIX bundle
// holding every briefing's objects once. Deterministic: the same briefings give the same bytes.
import type { Briefing } from '../model';
import { exportIocs } from './export';
import type { ExportOptions, ExportResult, IocFormat } from './types';
import { stableUuid } from './uuid';

/**
 * `dateOf` gives the date an undated briefing is exported under (e.g. the day it was briefed): STIX timestamps come
 * from the briefing, never from the clock.
 */
export function exportIocsOfBriefings(format: IocFormat, briefings: Briefing[], opts: ExportOptions = {}, dateOf: (b: Briefing) => string | undefined = () => undefined): ExportResult {
  const one = (b: Briefing) => exportIocs(format, b, { ...opts, ...(opts.date || b.published ? {} : { date: dateOf(b) }) });
  if (briefings.length === 1) return one(briefings[0]);
  const sorted = [...briefings].sort((a, b) => a.id.localeCompare(b.id));
  const results = sorted.map(one);
  const parts = results.filter((r): r is Extract<ExportResult, { ok: true }> => r.ok);
  if (!parts.length) {
    const reasons = [...new Set(results.map((r) => (r.ok ? '' : r.reason)).filter(Boolean))];
    return { ok: false, reason: `none of the selected briefings could be exported (${reasons.join('; ')})` };
  }
  const fileName = `${sorted.length}-briefings.iocs.${format === 'csv' ? 'csv' : 'stix.json'}`;
  if (format === 'csv') {
    const [first, ...rest] = parts.map((p) => p.text);
    const header = first.slice(0, first.indexOf('\n') + 1);
    return { ok: true, fileName, text: first + rest.map((t) => t.slice(header.length)).join('') };
  }
  const seen = new Map<string, unknown>();
  for (const p of parts) {
    for (const o of (JSON.parse(p.text) as { objects: Array<{ id: string }> }).objects) if (!seen.has(o.id)) seen.set(o.id, o);
  }
  const bundle = { type: 'bundle', id: `bundle--${stableUuid('bundle', ...sorted.map((b) => b.id))}`, objects: [...seen.values()] };
  return { ok: true, fileName, text: JSON.stringify(bundle, null, 2) + '\n' };
}
