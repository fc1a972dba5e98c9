// What every export takes and returns. Exports are pure functions of (hunt, briefing, options): no clock, no disk.
import type { SigmaSpec } from '../model';

export const HUNT_FORMATS = ['sigma', 'security_content', 'sentinel', 'spl', 'kql'] as const;
export type HuntFormat = (typeof HUNT_FORMATS)[number];
export const IOC_FORMATS = ['stix', 'csv'] as const;
export type IocFormat = (typeof IOC_FORMATS)[number];
export type ExportFormat = HuntFormat | IocFormat;
export const EXPORT_FORMATS: readonly ExportFormat[] = [...HUNT_FORMATS, ...IOC_FORMATS];

/** One file of its format, or why the hunt cannot be written in that format (never an invalid file). */
export type ExportResult =
  | { ok: true; fileName: string; text: string }
  | { ok: false; reason: string };

/** MITRE ATT&CK® tactics of a technique (shortnames like "command-and-control" or names like "Command and Control"). */
export interface TacticSource {
  tacticsOf(techniqueId: string): string[];
}

// The Sigma detection types live in the model: the hunt catalogue carries one per behaviour hunt, and this step
// writes rules from them; neither step imports the other.
export type { SigmaCorrelationSpec, SigmaSelection, SigmaSpec, SigmaValue } from '../model';

export interface ExportOptions {
  /** Rule author (default "Threat Briefings"). */
  author?: string;
  /** YYYY-MM-DD written as the rule date; default the briefing's published date. */
  date?: string;
  /** Where tactic names come from when the briefing's own technique hits do not list them. */
  tactics?: TacticSource;
  /** Sigma: the structured detection for a behaviour or article hunt. */
  sigma?: SigmaSpec;
  /** Sigma: why this hunt has no Sigma form (the catalogue says so explicitly): the export answers with this reason. */
  sigmaUnsupported?: string;
  /** security_content: analytic story names (default: the briefing title). */
  analyticStories?: string[];
}

export const DEFAULT_AUTHOR = 'Threat Briefings';
