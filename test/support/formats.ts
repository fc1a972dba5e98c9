// Validators for the detection-content formats in ../shared/schemas/formats (the same schemas validate.py uses), plus
// the checks validate.py does in code. Schemas are read from the shared folder, never copied here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { AnySchema, ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { sharedPath } from './shared';

export type SchemaFormat = 'sigma' | 'sigma-correlation' | 'security-content' | 'sentinel-hunting' | 'stix';

const FILES: Record<Exclude<SchemaFormat, 'stix'>, string> = {
  sigma: 'sigma/sigma-detection-rule-schema.json',
  'sigma-correlation': 'sigma/sigma-correlation-rules-schema.json',
  'security-content': 'security-content-detection.schema.json',
  'sentinel-hunting': 'sentinel-hunting-query.schema.json',
};

const cache = new Map<SchemaFormat, ValidateFunction>();

function readJson(p: string): AnySchema {
  return JSON.parse(readFileSync(p, 'utf8')) as AnySchema;
}

function allJson(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (n.endsWith('.json')) out.push(p);
    }
  }
  return out.sort();
}

/** Number of STIX schema files registered (all of them, so every $ref resolves locally). */
export let stixSchemaCount = 0;

function compile(format: SchemaFormat): ValidateFunction {
  const base = sharedPath('schemas', 'formats');
  if (format === 'stix') {
    // STIX patterns such as `\-` are not valid with the `u` flag; the schemas were written for non-unicode regexes
    const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    // validate.py checks idn-hostname when its checker is installed; a host name of non-space labels is enough here
    ajv.addFormat('idn-hostname', /^(?=.{1,253}$)[^\s.]+(?:\.[^\s.]+)*$/);
    const files = allJson(join(base, 'stix2.1', 'schemas'));
    stixSchemaCount = files.length;
    for (const f of files) ajv.addSchema(readJson(f));
    return ajv.getSchema('http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json')!;
  }
  const schema = readJson(join(base, FILES[format]));
  const ajv = format.startsWith('sigma') ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Schema errors of one document (empty when valid). */
export function schemaErrors(format: SchemaFormat, doc: unknown): string[] {
  let v = cache.get(format);
  if (!v) {
    v = compile(format);
    cache.set(format, v);
  }
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Every YAML document of a file, parsed strictly (any YAML error fails the test). */
export function yamlDocs(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => {
    if (d.errors.length) throw new Error(`YAML error: ${d.errors[0].message}`);
    return d.toJS() as unknown;
  });
}

/** The same documents as a YAML 1.1 reader (PyYAML, used by pySigma and contentctl) sees them. */
export function yaml11Docs(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1' }).map((d) => {
    if (d.errors.length) throw new Error(`YAML 1.1 error: ${d.errors[0].message}`);
    return d.toJS() as unknown;
  });
}

function snake(name: string): string {
  return name.replace(/[ \-./]/g, '_').toLowerCase();
}

/** validate.py's code-only contentctl checks (v5): filter macro, date not in the future, no parent with its sub-technique, file name. */
export function contentctlErrors(doc: Record<string, unknown>, fileName: string, today = new Date().toISOString().slice(0, 10)): string[] {
  const errors: string[] = [];
  const name = doc.name as string;
  const search = doc.search as string;
  if (!search.includes('`' + snake(name) + '_filter`')) errors.push(`search lacks \`${snake(name)}_filter\``);
  if (fileName !== snake(name) + '.yml') errors.push(`file name should be ${snake(name)}.yml`);
  if (typeof doc.date === 'string' && doc.date > today) errors.push(`date ${doc.date} is in the future`);
  const ids = ((doc.tags as { mitre_attack_id?: string[] }).mitre_attack_id ?? []);
  for (const t of ids) if (t.includes('.') && ids.includes(t.split('.')[0])) errors.push(`${t} listed with its parent`);
  return errors;
}
