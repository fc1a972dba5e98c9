// Reads a STIX 2.x bundle (.json or .json.gz) and checks that it looks like MITRE ATT&CK® data.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { AttackDataError } from './types';

export interface ExternalReference { source_name?: string; external_id?: string; url?: string; description?: string }

/** The STIX fields the index builder reads; everything else is ignored, so newer bundles load. */
export interface StixObject {
  type: string;
  id: string;
  name?: string;
  description?: string;
  created?: string;
  modified?: string;
  revoked?: boolean;
  x_mitre_deprecated?: boolean;
  external_references?: ExternalReference[];
  kill_chain_phases?: Array<{ kill_chain_name?: string; phase_name?: string }>;
  x_mitre_platforms?: string[];
  x_mitre_detection?: string;
  x_mitre_is_subtechnique?: boolean;
  x_mitre_shortname?: string;
  x_mitre_version?: string;
  x_mitre_aliases?: string[];
  aliases?: string[];
  tactic_refs?: string[];
  x_mitre_analytic_refs?: string[];
  x_mitre_log_source_references?: Array<{ name?: string; channel?: string }>;
  definition?: { statement?: string };
  definition_type?: string;
  relationship_type?: string;
  source_ref?: string;
  target_ref?: string;
}

export interface StixBundle {
  objects: StixObject[];
  sha256: string;
}

/** Parses bundle bytes; `label` names the source in error messages. */
export function parseStixBundle(bytes: Buffer, label: string): StixBundle {
  let data = bytes;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      data = gunzipSync(bytes);
    } catch (e) {
      throw new AttackDataError(`${label}: not a valid gzip file (${(e as Error).message}).`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch (e) {
    throw new AttackDataError(`${label}: not valid JSON (${(e as Error).message}). Expected a MITRE ATT&CK® STIX bundle.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new AttackDataError(`${label}: expected a STIX bundle object {"type":"bundle","objects":[…]}.`);
  }
  const b = json as { type?: unknown; objects?: unknown };
  if (b.type !== 'bundle') throw new AttackDataError(`${label}: "type" is ${JSON.stringify(b.type)}, expected "bundle".`);
  if (!Array.isArray(b.objects)) throw new AttackDataError(`${label}: the bundle has no "objects" array.`);
  b.objects.forEach((o: unknown, i: number) => {
    const obj = o as { type?: unknown; id?: unknown } | null;
    if (typeof obj !== 'object' || obj === null || typeof obj.type !== 'string' || typeof obj.id !== 'string') {
      throw new AttackDataError(`${label}: object #${i} has no string "type" and "id"; this is not a valid STIX bundle.`);
    }
  });
  const objects = b.objects as StixObject[];
  if (!objects.some((o) => o.type === 'attack-pattern')) {
    throw new AttackDataError(`${label}: the bundle holds no attack-pattern objects; is this MITRE ATT&CK® data?`);
  }
  return { objects, sha256: createHash('sha256').update(data).digest('hex') };
}

export function readStixBundle(path: string): StixBundle {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AttackDataError(code === 'ENOENT' ? `MITRE ATT&CK® STIX bundle not found: ${path}` : `cannot read ${path}: ${(e as Error).message}`);
  }
  return parseStixBundle(bytes, path);
}

/** The `mitre-attack` external ID (T1059.001, TA0002, G0032…) of an object, if any. */
export function attackIdOf(o: StixObject): string | undefined {
  return o.external_references?.find((r) => r.source_name === 'mitre-attack' && r.external_id)?.external_id;
}
