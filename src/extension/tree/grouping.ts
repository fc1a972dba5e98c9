// How the Briefings tree groups, filters and labels briefings. The first levels work from the index's summaries and
// live in the engine (engine/store/grouping.ts), so `threat-briefings bench` measures the same code; what is left
// here works on one briefing's full JSON, once the user expands it. Pure (no vscode import).
import { Ioc, IOC_TYPES } from '../../engine/model';

export { briefingDescription, countsLine, filterBriefings, firstLevel, groupBriefings, NO_TECHNIQUES, UNDATED } from '../../engine/store/grouping';
export type { Group, TreeFilter } from '../../engine/store/grouping';
export { plural } from '../../engine/text/plural';

/** IOCs grouped by type, in the model's type order. */
export function iocsByType(iocs: Ioc[]): Array<{ type: Ioc['type']; iocs: Ioc[] }> {
  return IOC_TYPES.map((type) => ({ type, iocs: iocs.filter((i) => i.type === type) })).filter((g) => g.iocs.length);
}

/** The article's own role for an IOC ("C2", "payload"), when the briefing records one. */
export function iocRole(i: Ioc): string | undefined {
  const role = (i as Ioc & { role?: unknown }).role;
  return typeof role === 'string' && role.trim() ? role.trim() : undefined;
}
