// Reads a briefing's JSON form, which users may have edited by hand: a clear message naming the first problem
// instead of a crash deep inside an export. Missing optional lists are read as empty.
import { IOC_TYPES, type Briefing, type Hunt, type Ioc } from '../model';

export class BriefingFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BriefingFileError';
  }
}

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

function lineOf(text: string, message: string): string {
  const pos = /position (\d+)/.exec(message);
  if (!pos) return '';
  const before = text.slice(0, Number(pos[1]));
  return ` (line ${before.split('\n').length}, column ${before.length - before.lastIndexOf('\n')})`;
}

function checkHunt(h: unknown, i: number, label: string): Hunt {
  const where = `${label}: hunts[${i}]`;
  if (!isObject(h)) throw new BriefingFileError(`${where} is not an object`);
  for (const k of ['id', 'title'] as const) if (typeof h[k] !== 'string' || !(h[k] as string).trim()) throw new BriefingFileError(`${where}.${k} must be a non-empty string`);
  for (const k of ['spl', 'kql', 'description', 'reason'] as const) if (h[k] !== undefined && typeof h[k] !== 'string') throw new BriefingFileError(`${where}.${k} must be a string`);
  for (const k of ['techniques', 'falsePositives', 'evidence', 'iocs'] as const) if (h[k] !== undefined && !strings(h[k])) throw new BriefingFileError(`${where}.${k} must be a list of strings`);
  const t = h.telemetry;
  if (t !== undefined && !(isObject(t) && (t.splunk === undefined || strings(t.splunk)) && (t.defender === undefined || strings(t.defender)))) {
    throw new BriefingFileError(`${where}.telemetry must be {splunk: [...], defender: [...]}`);
  }
  const telemetry = isObject(t) ? { splunk: (t.splunk as string[]) ?? [], defender: (t.defender as string[]) ?? [] } : { splunk: [], defender: [] };
  const defaults: Json = { kind: 'behaviour', phase: 'actions', confidence: 'medium', description: '', reason: '', evidence: [], spl: '', kql: '', falsePositives: [], techniques: [] };
  return { ...defaults, ...h, telemetry } as unknown as Hunt;
}

function checkIoc(x: unknown, i: number, label: string): Ioc {
  if (!isObject(x) || typeof x.value !== 'string' || !IOC_TYPES.includes(x.type as never)) {
    throw new BriefingFileError(`${label}: iocs[${i}] needs a type (${IOC_TYPES.join(', ')}) and a string value`);
  }
  const defaults: Json = { display: x.value, offsets: [], context: '', provenance: 'narrative', reason: '', confidence: 'medium' };
  return { ...defaults, ...x } as unknown as Ioc;
}

/** The briefing in `text` (a file's content); `label` names the file in messages. */
export function parseBriefing(text: string, label: string): Briefing {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = (e as Error).message;
    throw new BriefingFileError(`${label} is not valid JSON${lineOf(text, m)}: ${m}`);
  }
  if (!isObject(json)) throw new BriefingFileError(`${label} is not a briefing: expected a JSON object`);
  if (typeof json.id !== 'string' || typeof json.title !== 'string') {
    throw new BriefingFileError(`${label} is not a briefing: it needs string 'id' and 'title' fields (write one with 'threat-briefings generate --format json')`);
  }
  for (const k of ['hunts', 'iocs', 'techniques'] as const) if (json[k] !== undefined && !Array.isArray(json[k])) throw new BriefingFileError(`${label}: '${k}' must be a list`);
  if (json.published !== undefined && json.published !== null && (typeof json.published !== 'string' || !/^\d{4}-\d{2}(?:-\d{2})?/.test(json.published))) {
    throw new BriefingFileError(`${label}: 'published' must be a YYYY-MM-DD date`);
  }
  const techniques = ((json.techniques as unknown[]) ?? []).map((t, i) => {
    if (!isObject(t) || typeof t.id !== 'string') throw new BriefingFileError(`${label}: techniques[${i}] needs a string id`);
    const defaults: Json = { name: '', confidence: 'medium', evidence: [], method: 'explicit-id' };
    return { ...defaults, ...t, tactics: strings(t.tactics) ? t.tactics : [] } as unknown as Briefing['techniques'][number];
  });
  const e = isObject(json.entities) ? json.entities : {};
  const defaults: Json = { schemaVersion: 1, source: '', severity: 'LOW', summary: '', phases: [], rationale: [], generator: { name: 'threat-briefings', version: '0.0.0' } };
  return {
    ...(defaults as unknown as Briefing),
    ...(json as unknown as Briefing),
    hunts: ((json.hunts as unknown[]) ?? []).map((h, i) => checkHunt(h, i, label)),
    iocs: ((json.iocs as unknown[]) ?? []).map((x, i) => checkIoc(x, i, label)),
    techniques,
    entities: { actors: strings(e.actors) ? e.actors : [], malware: strings(e.malware) ? e.malware : [], cves: strings(e.cves) ? e.cves : [] },
  };
}
