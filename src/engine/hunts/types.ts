// The shape of one catalogue hunt: data, one definition per hunt, rendered everywhere (briefings, the templates
// document, exports, snippets, hovers) from this one definition.
import type { HuntTelemetry, KillChainPhase, SigmaSpec } from '../model';

/** What lets a behaviour hunt fire: evidence in the article's own narrative, never a bare substring. */
export interface HuntTrigger {
  /**
   * ATT&CK technique IDs: the hunt fires when one of them was inferred with evidence at medium confidence or above.
   * A listed parent (T1059) also accepts its sub-techniques (T1059.001); a listed sub-technique needs itself.
   */
  techniques?: string[];
  /**
   * Behaviour phrases, matched with word boundaries on the narrative sentences (not in advice, not negated).
   * Case-insensitive when the pattern is all lower case or carries the `i` flag; a pattern with a capital letter and
   * no `i` flag is case-sensitive (for names such as "RAT" that are ordinary words in lower case). Each must be specific enough to name the behaviour on its own ("vssadmin delete shadows", not "shadow").
   */
  phrases?: RegExp[];
}

export interface CatalogueHunt {
  /** Stable name ID, UC_ + upper snake case (UC_ENCODED_POWERSHELL). */
  id: string;
  title: string;
  /** One paragraph: what the hunt looks for and why it matters. */
  description: string;
  phase: KillChainPhase;
  /** Active MITRE ATT&CK® v18.1 technique IDs. */
  techniques: string[];
  /** CIM datasets as `Model.Dataset` (Endpoint.Processes, Network_Resolution.DNS) and Defender tables. */
  telemetry: HuntTelemetry;
  trigger: HuntTrigger;
  /** Splunk SPL: tstats over CIM with summariesonly, drop_dm_object_name and security_content_ctime, or a raw search where no data model fits. */
  spl: string;
  /** Defender advanced-hunting KQL over the tables in `telemetry.defender`. */
  kql: string;
  /**
   * The hunt as a Sigma detection (SigmaHQ log source and field names), written from the same logic as its KQL and
   * SPL; an aggregation carries a `correlation`. Exactly one of `sigma` and `sigmaUnsupported` is set.
   */
  sigma?: SigmaSpec;
  /** Why Sigma cannot express this hunt (one sentence): the Sigma export answers with it instead of a rule. */
  sigmaUnsupported?: string;
  falsePositives: string[];
  /** Sentences of attacker narrative the trigger phrases must fire on, and look-alikes they must not (tests read both). */
  examples: { fire: string[]; quiet: string[] };
}
