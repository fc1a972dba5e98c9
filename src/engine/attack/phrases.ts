// Reviewed table: behaviour phrases in ordinary security-writing language → ATT&CK technique.
// One entry per behaviour, grouped by tactic in phrases/<tactic>.ts. Patterns are matched case-insensitively (unless
// `caseSensitive`) with word boundaries added around them, on text where URLs and domains are masked. `examples` must
// yield the technique and `counter` must not (test/unit/attack/infer.test.ts; phrases.test.ts checks IDs and advice).
//
// tier 'strong':  the phrase names the behaviour unambiguously; needs a threat-related article.
// tier 'context': the phrase is also ordinary admin/dev language; needs a threat word in the same or an
//                 adjacent sentence (malware, attacker, payload, victim, …).
// No entry fires in defender sentences (advice, detection, mitigation: see ADVICE in phrases/common.ts).
// Patterns use general CTI wording, never a sentence lifted from one article; tool names only where the tool is the
// behaviour (mimikatz → LSASS dumping).

import type { BehaviourPhrase } from './phrases/common';
import { COLLECTION_PHRASES } from './phrases/collection';
import { COMMAND_AND_CONTROL_PHRASES } from './phrases/command-and-control';
import { CREDENTIAL_ACCESS_PHRASES } from './phrases/credential-access';
import { DEFENSE_EVASION_PHRASES } from './phrases/defense-evasion';
import { DISCOVERY_PHRASES } from './phrases/discovery';
import { EXECUTION_PHRASES } from './phrases/execution';
import { EXFILTRATION_PHRASES } from './phrases/exfiltration';
import { IMPACT_PHRASES } from './phrases/impact';
import { INITIAL_ACCESS_PHRASES } from './phrases/initial-access';
import { LATERAL_MOVEMENT_PHRASES } from './phrases/lateral-movement';
import { PERSISTENCE_PHRASES } from './phrases/persistence';
import { RESOURCE_DEVELOPMENT_PHRASES } from './phrases/resource-development';

export type { BehaviourPhrase } from './phrases/common';
export { ADVICE } from './phrases/common';

export const BEHAVIOUR_PHRASES: BehaviourPhrase[] = [
  ...RESOURCE_DEVELOPMENT_PHRASES,
  ...INITIAL_ACCESS_PHRASES,
  ...EXECUTION_PHRASES,
  ...PERSISTENCE_PHRASES,
  ...DEFENSE_EVASION_PHRASES,
  ...CREDENTIAL_ACCESS_PHRASES,
  ...DISCOVERY_PHRASES,
  ...LATERAL_MOVEMENT_PHRASES,
  ...COLLECTION_PHRASES,
  ...COMMAND_AND_CONTROL_PHRASES,
  ...EXFILTRATION_PHRASES,
  ...IMPACT_PHRASES,
];
