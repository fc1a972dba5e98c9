// Plain .spl and .kql files: the hunt's query under a header comment (title, hunt ID, techniques, article, date).
// Header values are put on one line each: a newline in a title would end a `//` comment and become query text.
import type { Briefing, Hunt } from '../model';
import { articleUrl, exportDate, huntTechniques } from './common';
import { oneLine, snakeCase } from './names';
import type { ExportOptions, ExportResult } from './types';

function headerLines(hunt: Hunt, briefing: Briefing, opts: ExportOptions): string[] {
  const techniques = huntTechniques(hunt);
  const url = articleUrl(briefing);
  const date = exportDate(briefing, opts);
  return [
    `Title: ${oneLine(hunt.title)}`,
    `Hunt: ${oneLine(hunt.id)}`,
    ...(techniques.length ? [`Techniques: ${techniques.join(', ')}`] : []),
    `Briefing: ${oneLine(briefing.title)}`,
    ...(url ? [`Article: ${url}`] : []),
    ...(date ? [`Date: ${date}`] : []),
  ];
}

function baseName(hunt: Hunt): string {
  return snakeCase(hunt.title) || snakeCase(hunt.id) || 'hunt';
}

export function exportKqlFile(hunt: Hunt, briefing: Briefing, opts: ExportOptions = {}): ExportResult {
  const kql = (hunt.kql ?? '').trim();
  if (!kql) return { ok: false, reason: `${hunt.id} has no KQL to export` };
  const header = headerLines(hunt, briefing, opts).map((l) => `// ${l}`).join('\n');
  return { ok: true, fileName: `${baseName(hunt)}.kql`, text: `${header}\n${kql}\n` };
}

/** SPL comments are ```…``` blocks; three backticks inside a header value would close the comment early. */
export function exportSplFile(hunt: Hunt, briefing: Briefing, opts: ExportOptions = {}): ExportResult {
  const spl = (hunt.spl ?? '').trim();
  if (!spl) return { ok: false, reason: `${hunt.id} has no SPL to export` };
  const lines = headerLines(hunt, briefing, opts).map((l) => l.replace(/`{3,}/g, (m) => "'".repeat(m.length)));
  return { ok: true, fileName: `${baseName(hunt)}.spl`, text: '```\n' + lines.join('\n') + '\n```\n' + spl + '\n' };
}
