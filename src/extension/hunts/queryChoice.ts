// Which query an editor wants, from its language and file name (Sigma from its content). Pure, unit-tested.

export type QueryChoice = 'spl' | 'kql' | 'sigma' | 'ask';

const SPL_LANGS = new Set(['splunk_search', 'spl', 'splunk']);
const KQL_LANGS = new Set(['kusto', 'kql']);

/** A YAML document that has the top-level keys of a Sigma rule. */
export function looksLikeSigma(text: string): boolean {
  return /^logsource\s*:/m.test(text) || /^detection\s*:/m.test(text);
}

export function queryChoiceFor(languageId: string, fileName: string, text: string): QueryChoice {
  const lower = fileName.toLowerCase();
  if (SPL_LANGS.has(languageId) || lower.endsWith('.spl')) return 'spl';
  if (KQL_LANGS.has(languageId) || lower.endsWith('.kql') || lower.endsWith('.csl')) return 'kql';
  if ((languageId === 'yaml' || /\.ya?ml$/.test(lower)) && looksLikeSigma(text)) return 'sigma';
  return 'ask';
}
