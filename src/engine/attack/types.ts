// The compact MITRE ATT&CK® index: what `attack build-index` writes and `loadAttackIndex` reads.
// Derived from MITRE's STIX bundle at build time; never committed (see ARCHITECTURE.md, "ATT&CK data").

export const INDEX_FORMAT = 'threat-briefings-attack-index';
export const INDEX_FORMAT_VERSION = 1;

export interface TacticEntry {
  /** TA0002 */
  id: string;
  /** STIX kill-chain phase name, e.g. "execution". */
  shortname: string;
  name: string;
  description: string;
}

export interface TechniqueEntry {
  /** T1059 or T1059.001 */
  id: string;
  /** Own name; sub-techniques get "Parent: Sub" from AttackIndex.fullName(). */
  name: string;
  /** Tactic shortnames, in matrix order. */
  tactics: string[];
  platforms: string[];
  /** First paragraph(s), citations and markdown links removed. */
  description: string;
  /** Pre-v18 bundles: the x_mitre_detection text, cleaned. */
  detection?: string;
  /** v18+: IDs of x-mitre-detection-strategy objects that detect this technique (DET0001). */
  detectionStrategies?: string[];
  /** Mitigation IDs (M1038) from `mitigates` relationships. */
  mitigations?: string[];
  /** How many groups / software / campaigns use it (`uses` relationships). */
  groups: number;
  software: number;
  campaigns: number;
}

export interface AnalyticEntry {
  /** AN0001 */
  id: string;
  platforms: string[];
  description: string;
  /** "WinEventLog:Security (EventCode=4688)" */
  logSources: string[];
}

export interface DetectionStrategyEntry {
  /** DET0001 */
  id: string;
  name: string;
  analytics: AnalyticEntry[];
}

export interface NamedEntry {
  /** G0032, S0154, C0022 */
  id: string;
  name: string;
  /** Other names, excluding `name`. */
  aliases: string[];
  description: string;
  /** Software only. */
  kind?: 'malware' | 'tool';
}

export interface MitigationEntry {
  /** M1038 */
  id: string;
  name: string;
  description: string;
}

export type RetiredKind = 'technique' | 'tactic' | 'group' | 'software' | 'campaign' | 'mitigation';

/** An ID that is still in the bundle but no longer current. */
export interface RetiredEntry {
  id: string;
  name: string;
  kind: RetiredKind;
  status: 'revoked' | 'deprecated';
  /**
   * Current IDs that replace it: the end of the revoked-by chain for revoked objects; for deprecated
   * techniques the techniques MITRE's deprecation notice points to ("Please use …"), if any.
   */
  replacedBy: string[];
  /** Tactic shortnames the retired technique had (lets a hover say what it was). */
  tactics?: string[];
}

export interface AttackIndexData {
  format: typeof INDEX_FORMAT;
  formatVersion: typeof INDEX_FORMAT_VERSION;
  /** ATT&CK release, e.g. "18.1". */
  attackVersion: string;
  /** Where attackVersion came from: "x-mitre-collection", "file name", "--attack-version", "inferred from object dates". */
  versionSource: string;
  /** MITRE's copyright designation from the bundle's marking-definition statement. */
  copyright: string;
  source: { file: string; sha256: string; objects: number };
  tactics: TacticEntry[];
  techniques: TechniqueEntry[];
  detectionStrategies: DetectionStrategyEntry[];
  groups: NamedEntry[];
  software: NamedEntry[];
  campaigns: NamedEntry[];
  mitigations: MitigationEntry[];
  retired: RetiredEntry[];
}

/** A problem with ATT&CK data the user can act on (bad bundle, missing file): shown without a stack trace. */
export class AttackDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttackDataError';
  }
}
