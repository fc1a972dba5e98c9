// The one entry point the CLI and the extension call: a hunt (or the briefing's IOCs) in a named format.
import type { Briefing, Hunt, Ioc } from '../model';
import { exportIocsCsv } from './iocs-csv';
import { exportKqlFile, exportSplFile } from './query-files';
import { exportSecurityContent } from './security-content';
import { exportSentinel } from './sentinel';
import { exportSigma } from './sigma';
import { exportStix } from './stix';
import type { ExportOptions, ExportResult, HuntFormat, IocFormat } from './types';

export * from './types';
export { sigmaDetectionText } from './sigma';

/** One hunt of a briefing as one file of `format`, or why it cannot be one. */
export function exportHunt(format: HuntFormat, hunt: Hunt, briefing: Briefing, opts: ExportOptions = {}): ExportResult {
  switch (format) {
    case 'sigma': return exportSigma(hunt, briefing, opts);
    case 'security_content': return exportSecurityContent(hunt, briefing, opts);
    case 'sentinel': return exportSentinel(hunt, briefing, opts);
    case 'spl': return exportSplFile(hunt, briefing, opts);
    case 'kql': return exportKqlFile(hunt, briefing, opts);
  }
}

/** The briefing's IOCs (or the given subset) as a STIX 2.1 bundle or a CSV file. */
export function exportIocs(format: IocFormat, briefing: Briefing, opts: ExportOptions = {}, iocs: Ioc[] = briefing.iocs): ExportResult {
  return format === 'stix' ? exportStix(briefing, opts, iocs) : exportIocsCsv(briefing, iocs);
}

/** The IOCs a set of hunts carries, as the briefing lists them (for exporting only what the chosen hunts use). */
export function iocsOfHunts(briefing: Briefing, hunts: Hunt[]): Ioc[] {
  const wanted = new Set(hunts.flatMap((h) => h.iocs ?? []));
  return briefing.iocs.filter((i) => wanted.has(i.value));
}
