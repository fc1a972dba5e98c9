// VS Code snippet files for SPL, KQL and Sigma, generated at build time (scripts/build-snippets.ts) from the one
// hunt catalogue, so snippets never drift from the hunts. Pure, unit-tested.
import type { CatalogueHunt } from '../../engine/hunts/types';

export interface Snippet {
  prefix: string;
  body: string[];
  description: string;
}
export type SnippetFile = Record<string, Snippet>;

/** tb-encoded-powershell for UC_ENCODED_POWERSHELL. */
export function snippetPrefix(id: string): string {
  return 'tb-' + id.replace(/^UC_/, '').toLowerCase().replace(/_/g, '-');
}

/** Query text as snippet body lines: `\`, `$` and `}` are snippet syntax, so they are escaped to stay literal. */
export function snippetLines(text: string): string[] {
  return text.replace(/\\/g, '\\\\').replace(/\$/g, '\\$').replace(/\}/g, '\\}').split(/\r?\n/);
}

// The Sigma log source a CIM dataset corresponds to, for the skeleton (the user checks it; a TODO where unknown).
const SIGMA_LOGSOURCE: Record<string, { product?: string; category?: string }> = {
  'Endpoint.Processes': { product: 'windows', category: 'process_creation' },
  'Endpoint.Registry': { product: 'windows', category: 'registry_set' },
  'Endpoint.Filesystem': { product: 'windows', category: 'file_event' },
  'Endpoint.Services': { product: 'windows', category: 'service_creation' },
  'Network_Traffic.All_Traffic': { category: 'network_connection' },
  'Network_Resolution.DNS': { category: 'dns' },
  'Web.Web': { category: 'proxy' },
};

function sigmaSkeleton(h: CatalogueHunt): string[] {
  const ls = h.telemetry.splunk.map((d) => SIGMA_LOGSOURCE[d]).find(Boolean);
  const logsource = ls
    ? [...(ls.product ? [`    product: ${ls.product}`] : []), ...(ls.category ? [`    category: ${ls.category}`] : [])]
    : ['    product: ${1:windows}', '    category: ${2:process_creation}  # TODO: the log source of ' + h.id];
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\$/g, '\\$').replace(/\}/g, '\\}');
  const quote = (s: string) => `'${esc(s).replace(/'/g, "''")}'`;
  return [
    `title: ${quote(h.title)}`,
    'id: $UUID',
    'status: experimental',
    `description: ${quote(h.description)}`,
    'author: ${3:Your Name}',
    'date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE',
    'tags:',
    ...h.techniques.map((t) => `    - attack.${t.toLowerCase()}`),
    '    - detection.threat-hunting',
    'logsource:',
    ...logsource,
    'detection:',
    `    # TODO: the fields ${h.id} looks for (see its SPL/KQL); Sigma is not translated from query text.`,
    '    selection:',
    '        ${4:CommandLine|contains}: ${5:value}',
    '    condition: selection',
    'falsepositives:',
    ...(h.falsePositives.length ? h.falsePositives : ['Unknown']).map((f) => `    - ${quote(f)}`),
    'level: ${6:medium}',
    '$0',
  ];
}

export function buildSnippets(hunts: readonly CatalogueHunt[]): { spl: SnippetFile; kql: SnippetFile; sigma: SnippetFile } {
  const spl: SnippetFile = {};
  const kql: SnippetFile = {};
  const sigma: SnippetFile = {};
  for (const h of hunts) {
    const prefix = snippetPrefix(h.id);
    const description = `${h.title} (${h.id}, ${h.techniques.join(', ')})`;
    spl[`${h.id} (SPL)`] = { prefix, body: snippetLines(h.spl), description };
    kql[`${h.id} (KQL)`] = { prefix, body: snippetLines(h.kql), description };
    sigma[`${h.id} (Sigma skeleton)`] = { prefix, body: sigmaSkeleton(h), description: `Sigma rule skeleton: ${description}` };
  }
  return { spl, kql, sigma };
}
