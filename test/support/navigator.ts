// Checks a Navigator layer the way the shared validator does: the 4.5 JSON Schema (draft-07, read from ../shared,
// never copied) plus the rule the schema cannot express, gradient maxValue > minValue.
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { sharedPath } from './shared';

let validator: ValidateFunction | undefined;

function schemaValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(sharedPath('schemas', 'formats', 'navigator-layer-4.5.schema.json'), 'utf8')) as object;
  // The schema carries its provenance in x-* keys; declaring them keeps ajv strict about everything else.
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(['x-source', 'x-notes']);
  validator = ajv.compile(schema);
  return validator;
}

/** Problems with a layer (or list of layers); [] when it is valid. */
export function navigatorLayerErrors(doc: unknown): string[] {
  const validate = schemaValidator();
  const errors = validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
  const layers = Array.isArray(doc) ? doc : [doc];
  layers.forEach((layer, i) => {
    const g = (layer as { gradient?: { minValue?: unknown; maxValue?: unknown } } | null)?.gradient;
    if (g && typeof g.minValue === 'number' && typeof g.maxValue === 'number' && !(g.maxValue > g.minValue)) {
      errors.push(`/${i}/gradient: maxValue must be > minValue`);
    }
  });
  return errors;
}
