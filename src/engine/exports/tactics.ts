// MITRE ATT&CK® tactics of a hunt, in the spellings each format uses: Sigma tags (attack.command-and-control) and
// Sentinel's tactic enum (CommandAndControl). Names come from the briefing's own technique hits, else the caller's
// TacticSource (the CLI passes the loaded index): exports never load ATT&CK data themselves.
import type { Briefing } from '../model';
import type { TacticSource } from './types';

/** ATT&CK shortname of a tactic given as a shortname or a display name: "Command and Control" → "command-and-control". */
export function tacticShortname(t: string): string {
  return t.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Tactic shortnames for the hunt's techniques, first-seen order, no repeats. */
export function huntTactics(techniques: string[], briefing: Briefing, source?: TacticSource): string[] {
  const out: string[] = [];
  for (const id of techniques) {
    const hit = briefing.techniques.find((t) => t.id === id) ?? briefing.techniques.find((t) => t.id === id.split('.')[0]);
    const names = hit?.tactics.length ? hit.tactics : source?.tacticsOf(id) ?? [];
    for (const n of names.map(tacticShortname)) if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

// Sentinel's AttackTactic enum (sentinel-tactics.json). Tactics newer than the enum map to the one they came from.
const SENTINEL: Record<string, string> = {
  'initial-access': 'InitialAccess', execution: 'Execution', persistence: 'Persistence', 'privilege-escalation': 'PrivilegeEscalation',
  'defense-evasion': 'DefenseEvasion', 'credential-access': 'CredentialAccess', discovery: 'Discovery', 'lateral-movement': 'LateralMovement',
  collection: 'Collection', exfiltration: 'Exfiltration', 'command-and-control': 'CommandAndControl', impact: 'Impact',
  reconnaissance: 'Reconnaissance', 'resource-development': 'ResourceDevelopment', 'impair-process-control': 'ImpairProcessControl',
  'inhibit-response-function': 'InhibitResponseFunction', stealth: 'DefenseEvasion', 'defense-impairment': 'DefenseEvasion',
};

export function sentinelTactics(shortnames: string[]): string[] {
  const out: string[] = [];
  for (const s of shortnames) {
    const v = SENTINEL[s];
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Technique IDs in canonical form (T1059.001), valid ones only, no repeats. */
export function techniqueIds(ids: string[]): string[] {
  const out: string[] = [];
  for (const raw of ids) {
    const id = raw.trim().toUpperCase();
    if (/^T\d{4}(?:\.\d{3})?$/.test(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** Drops a parent technique listed together with one of its sub-techniques (contentctl 5 refuses the pair). */
export function withoutCoveredParents(ids: string[]): string[] {
  return ids.filter((id) => id.includes('.') || !ids.some((o) => o.startsWith(id + '.')));
}
