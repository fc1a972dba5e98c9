// The parts of an exported Sigma rule that go into another rule: the `detection:` block, and the logsource that
// decides the folder. Read from the export's YAML (the one Sigma writer), never rebuilt here.
import { parseAllDocuments, stringify } from 'yaml';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

function firstRule(text: string): Json | undefined {
  for (const d of parseAllDocuments(text)) {
    if (!('toJS' in d)) continue;
    const js: unknown = d.toJS();
    if (isObject(js) && isObject(js.detection)) return js;
  }
  return undefined;
}

/** `detection:` with its selections and condition, as YAML text ending in a newline. */
export function sigmaDetectionBlock(ruleText: string): string | undefined {
  const rule = firstRule(ruleText);
  return rule ? stringify({ detection: rule.detection }, { indent: 4, indentSeq: true }) : undefined;
}

export function sigmaLogsource(ruleText: string): { product?: string; category?: string; service?: string } | undefined {
  const ls = firstRule(ruleText)?.logsource;
  if (!isObject(ls)) return undefined;
  const pick = (k: string) => (typeof ls[k] === 'string' ? { [k]: ls[k] as string } : {});
  return { ...pick('product'), ...pick('category'), ...pick('service') };
}
