// A catalogue hunt has no briefing, but every export is a function of (hunt, briefing): this is the smallest
// briefing that stands for "the catalogue" — the hunt alone, no IOCs, no article, no date (exports then use their
// own default). Pure.
import type { Briefing, Hunt } from '../../engine/model';

export const CATALOGUE_SOURCE = 'Threat Briefings hunt catalogue';

export function catalogueBriefing(hunt: Hunt, version: string): Briefing {
  return {
    schemaVersion: 1, id: `catalogue-${hunt.id.toLowerCase()}`, title: hunt.title, source: CATALOGUE_SOURCE,
    severity: 'MED', summary: hunt.description, iocs: [], techniques: [], phases: [], hunts: [hunt],
    entities: { actors: [], malware: [], cves: [] }, rationale: [], generator: { name: 'threat-briefings', version },
  };
}
