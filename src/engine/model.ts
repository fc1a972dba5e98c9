// The briefing model and the knowledge interfaces every step shares. Steps (article, iocs, attack, hunts, exports,
// briefing) depend on this file and on ../text, never on each other; ./brief.ts composes them.
// The JSON form of a Briefing is what the tree, hovers and exports read; never re-parse Markdown.

export const IOC_TYPES = [
  'ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512', 'cve',
  'file_name', 'file_path', 'registry_key', 'crypto_wallet',
] as const;
export type IocType = (typeof IOC_TYPES)[number];

export const SEVERITIES = ['LOW', 'MED', 'HIGH', 'CRIT'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const KILL_CHAIN_PHASES = ['recon', 'weapon', 'delivery', 'exploit', 'install', 'c2', 'actions'] as const;
export type KillChainPhase = (typeof KILL_CHAIN_PHASES)[number];

export type Confidence = 'high' | 'medium' | 'low';

/** An article after ingestion: main text only, page chrome removed. */
export interface Article {
  title: string;
  /** Publisher or site name. */
  source: string;
  /** YYYY-MM-DD, or undefined when the source shows no date. */
  published?: string;
  /** The article's URL (canonical when the page declares one). */
  url?: string;
  author?: string;
  /** Main text: paragraphs separated by blank lines, table cells separated, code blocks kept. */
  text: string;
  format: 'html' | 'text' | 'markdown' | 'feed-entry';
}

/** How an IOC was found: what makes it presented as malicious. */
export type IocProvenance =
  | 'ioc-section' // under an "Indicators of compromise" heading or in an IOC appendix
  | 'ioc-table' // in a table/list whose labels name it (SHA256, C2, domain…)
  | 'defanged' // written defanged in the text: the author marked it as dangerous
  | 'labelled' // next to a label in the narrative ("C2 server 1.2.3.4", "SHA256: …")
  | 'narrative'; // plain narrative with malicious context

export interface Ioc {
  type: IocType;
  /** Canonical, refanged value (hashes lower-case, domains lower-case, no port). */
  value: string;
  /** Defanged form for display (URLs, domains, IPs, emails); equal to value for hashes and CVEs. */
  display: string;
  /** Character offsets [start, end) in Article.text of every occurrence that was kept. */
  offsets: Array<[number, number]>;
  /** A short snippet of text around the first occurrence. */
  context: string;
  provenance: IocProvenance;
  /** Why it was kept, in words. */
  reason: string;
  confidence: Confidence;
  /** The role the article gives it ("C2", "payload host", "phishing sender", "dropped file"), when it says. */
  role?: string;
  /** A CDN, cloud, resolver, file-sharing or vendor host the article lists: kept, but blocking it hits legitimate traffic too. */
  sharedInfrastructure?: boolean;
}

export interface TechniqueHit {
  /** Current ATT&CK ID (after mapping revoked/deprecated IDs to their replacement). */
  id: string;
  /** Official name, "Parent: Sub" for sub-techniques. */
  name: string;
  tactics: string[];
  confidence: Confidence;
  /** Sentence(s) from the article that show the technique. */
  evidence: string[];
  /** How it was inferred. */
  method: 'explicit-id' | 'name' | 'phrase';
  /** The retired ID the article printed, when it was mapped to `id`. */
  replaces?: string;
}

export interface PhaseHit {
  phase: KillChainPhase;
  /** Technique IDs that put the article in this phase. */
  techniques: string[];
  evidence: string[];
}

export type HuntKind = 'behaviour' | 'ioc' | 'article';

/** Telemetry a hunt needs: Splunk CIM datasets (e.g. "Endpoint.Processes") and Defender advanced-hunting tables. */
export interface HuntTelemetry {
  splunk: string[];
  defender: string[];
}

/** A hunt in a briefing: a catalogue hunt that the article supports, an IOC hunt, or the article-specific hunt. */
export interface Hunt {
  /** Stable ID: catalogue hunts have names (UC_BEACONING), IOC hunts UC_IOC_<TYPE>, article hunts an ID derived from content. */
  id: string;
  kind: HuntKind;
  title: string;
  /** What the hunt looks for, in one paragraph. */
  description: string;
  phase: KillChainPhase;
  confidence: Confidence;
  /** ATT&CK technique IDs (current v18.1 IDs). */
  techniques: string[];
  /** Why it fired: which technique or phrase of the article supports it. */
  reason: string;
  /** The article's sentence(s) that support it. */
  evidence: string[];
  telemetry: HuntTelemetry;
  /** Splunk SPL, ready to run (IOCs filled in for IOC hunts). */
  spl: string;
  /** Microsoft Defender advanced-hunting KQL, ready to run. */
  kql: string;
  falsePositives: string[];
  /** IOC values filled into the queries, for IOC-driven hunts. */
  iocs?: string[];
}

/** A named actor or malware family with the sentence that names it and how the article states the link. */
export interface EntityMention {
  name: string;
  kind: 'actor' | 'malware';
  /** 'hedged': "likely", "we suspect"; 'denied': "no evidence links X". Only stated entities count for severity. */
  attribution: 'stated' | 'hedged' | 'denied';
  evidence: string;
}

export interface SeverityFactor {
  /** Short machine name (e.g. "exploited-in-the-wild"). */
  id: string;
  /** What was found, in words, for "Why this matters". */
  text: string;
  weight: number;
}

export interface Briefing {
  schemaVersion: 1;
  /** Stable ID derived from the article (URL when known, else content). */
  id: string;
  title: string;
  source: string;
  /** YYYY-MM-DD from the page, its text or its URL (YYYY-MM when only a month is named); null when the article shows no date (never the generation day). */
  published?: string | null;
  url?: string;
  author?: string;
  severity: Severity;
  summary: string;
  iocs: Ioc[];
  techniques: TechniqueHit[];
  phases: PhaseHit[];
  hunts: Hunt[];
  /** Named actors, malware, campaigns and CVEs the article mentions: shown, never dropped. */
  entities: { actors: string[]; malware: string[]; cves: string[]; mentions?: EntityMention[] };
  /** The factors behind the severity, listed in "Why this matters". */
  rationale: SeverityFactor[];
  generator: { name: 'threat-briefings'; version: string; attackVersion?: string };
}

/** What the pipeline needs from the MITRE ATT&CK® knowledge; engine/attack provides it from the loaded index. */
export interface AttackKnowledge {
  version?: string;
  inferTechniques(text: string): TechniqueHit[];
  computePhases(techniques: TechniqueHit[], text: string): PhaseHit[];
  /** Threat actors (groups) and malware/tools the text (after its title, when given) names, official names first. */
  entities(text: string, title?: string): { actors: string[]; malware: string[]; mentions?: EntityMention[] };
}

// ---- Sigma detections (the hunt catalogue defines them, engine/exports writes them) ----

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
  /** What the rule leaves out of the hunt (a second log source, a join): written into the rule's description. */
  note?: string;
}
