// The briefing's IOCs as CSV (RFC 4180: CRLF line ends, fields with quotes, commas or line breaks quoted, quotes
// doubled). A cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
import type { Briefing, Ioc } from '../model';
import { snakeCase } from './names';
import type { ExportResult } from './types';

export const CSV_COLUMNS = ['type', 'value', 'display', 'confidence', 'provenance', 'reason', 'context', 'occurrences', 'briefing_id', 'article_url'] as const;

export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(cells: string[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function exportIocsCsv(briefing: Briefing, iocs: Ioc[] = briefing.iocs): ExportResult {
  if (!iocs.length) return { ok: false, reason: 'the briefing has no IOCs to export' };
  let text = row([...CSV_COLUMNS]);
  for (const i of iocs) {
    text += row([i.type, i.value, i.display, i.confidence, i.provenance, i.reason ?? '', i.context ?? '', String(i.offsets?.length ?? 0), briefing.id, briefing.url ?? '']);
  }
  return { ok: true, fileName: `${snakeCase(briefing.title) || briefing.id}.iocs.csv`, text };
}
