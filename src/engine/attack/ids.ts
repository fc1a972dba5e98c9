// ATT&CK identifier shapes, shared by the loader, inference and the editor features.

export type AttackIdKind = 'technique' | 'tactic' | 'group' | 'software' | 'mitigation' | 'campaign';

const KIND_BY_PREFIX: Record<string, AttackIdKind> = { T: 'technique', TA: 'tactic', G: 'group', S: 'software', M: 'mitigation', C: 'campaign' };

/** Canonical form of any ATT&CK ID shape: T1059.001, TA0002, G0032, S0154, M1038, C0001. */
export const ATTACK_ID = /^(?:T\d{4}(?:\.\d{3})?|TA\d{4}|[GSMC]\d{4})$/;

export function normalizeAttackId(raw: string): string {
  return raw.trim().replace(/^attack\./i, '').toUpperCase();
}

export function attackIdKind(id: string): AttackIdKind | undefined {
  const n = normalizeAttackId(id);
  if (!ATTACK_ID.test(n)) return undefined;
  return KIND_BY_PREFIX[n.startsWith('TA') ? 'TA' : n[0]];
}

export function parentTechniqueId(id: string): string | undefined {
  const dot = id.indexOf('.');
  return dot > 0 ? id.slice(0, dot) : undefined;
}

const URL_PATH: Record<AttackIdKind, string> = {
  technique: 'techniques', tactic: 'tactics', group: 'groups', software: 'software', mitigation: 'mitigations', campaign: 'campaigns',
};

export function attackUrl(id: string): string | undefined {
  const kind = attackIdKind(id);
  if (!kind) return undefined;
  return `https://attack.mitre.org/${URL_PATH[kind]}/${normalizeAttackId(id).replace('.', '/')}/`;
}

export interface AttackIdMatch {
  /** Canonical upper-case ID. */
  id: string;
  /** Offsets of the ID itself in the line ([start, end)); for a Sigma tag the `attack.` prefix is outside. */
  start: number;
  end: number;
  /** `plain` T1059.001, or `sigma` attack.t1059.001 (the quick fix must keep the tag's case). */
  form: 'plain' | 'sigma';
}

// Plain IDs are upper-case (lower-case "t1059" in prose is rare and "s1234"/"m1234" are often part numbers);
// the Sigma tag form is case-insensitive. Word boundaries on both sides, so G00321 or XT1059 do not match.
const PLAIN = /(?<![\w.])(T\d{4}(?:\.\d{3})?|TA\d{4}|[GSMC]\d{4})(?!\w|\.\d)/g;
const SIGMA = /\battack\.(t\d{4}(?:\.\d{3})?|ta\d{4}|[gsmc]\d{4})(?!\w|\.\d)/gi;

/** Every ATT&CK ID in one line of any file (Markdown, YAML, SPL, KQL, Sigma). */
export function findAttackIds(lineText: string): AttackIdMatch[] {
  const out: AttackIdMatch[] = [];
  for (const m of lineText.matchAll(SIGMA)) {
    const start = m.index + 'attack.'.length;
    out.push({ id: m[1].toUpperCase(), start, end: start + m[1].length, form: 'sigma' });
  }
  for (const m of lineText.matchAll(PLAIN)) {
    if (out.some((o) => o.start === m.index)) continue;
    out.push({ id: m[1], start: m.index, end: m.index + m[1].length, form: 'plain' });
  }
  return out.sort((a, b) => a.start - b.start);
}
