// What every export takes and returns. Exports are pure functions of (hunt, briefing, options): no clock, no disk.

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

/** A Sigma value: the modifiers go in the field name (`CommandLine|contains`), as in Sigma itself. */
export type SigmaValue = string | number | Array<string | number>;
/** One selection: fields ANDed; a list of such maps means any of them. */
export type SigmaSelection = Record<string, SigmaValue> | Array<Record<string, SigmaValue>>;

/** An aggregation over the base rule's matches: written as a Sigma correlation rule next to the base rule. */
export interface SigmaCorrelationSpec {
  type: 'event_count' | 'value_count';
  groupBy: string[];
  /** Number + unit, lower case: 5m, 1h, 1d. */
  timespan: string;
  /** The count must be at least this. */
  gte: number;
  /** value_count: the field whose distinct values are counted. */
  field?: string;
}

/**
 * The structured detection of a behaviour hunt: Sigma is written from this, never by translating SPL or KQL text.
 * Field names follow the Sigma taxonomy of the log source (Image, CommandLine, ParentImage, TargetFilename…).
 */
export interface SigmaSpec {
  logsource: { category?: string; product?: string; service?: string };
  /** Named selections and filters (selection_img, filter_main_…). Values are Sigma values: `*` and `?` are wildcards. */
  detection: Record<string, SigmaSelection>;
  /** Sigma condition over the names above: "selection and not filter_main". */
  condition: string;
  /** Extra tags beyond the ATT&CK ones (e.g. detection.threat-hunting). */
  tags?: string[];
  /** Set when the hunt is an aggregation: the base rule plus a correlation rule are written. */
  correlation?: SigmaCorrelationSpec;
}

export interface ExportOptions {
  /** Rule author (default "Threat Briefings"). */
  author?: string;
  /** YYYY-MM-DD written as the rule date; default the briefing's published date. */
  date?: string;
  /** Where tactic names come from when the briefing's own technique hits do not list them. */
  tactics?: TacticSource;
  /** Sigma: the structured detection for a behaviour or article hunt. */
  sigma?: SigmaSpec;
  /** security_content: analytic story names (default: the briefing title). */
  analyticStories?: string[];
}

export const DEFAULT_AUTHOR = 'Threat Briefings';
