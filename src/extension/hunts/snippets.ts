// VS Code snippet files for SPL, KQL and Sigma, generated at build time (scripts/build-snippets.ts) from the one
// hunt catalogue, so snippets never drift from the hunts. Pure, unit-tested.
import { sigmaDetectionText } from '../../engine/exports/export';
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

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\$/g, '\\$').replace(/\}/g, '\\}');
const quote = (s: string) => `'${esc(s).replace(/'/g, "''")}'`;

function header(h: CatalogueHunt, name?: string): string[] {
  return [
    `title: ${quote(h.title)}`,
    'id: $UUID',
    ...(name ? [`name: ${name}`] : []),
    'status: experimental',
    `description: ${quote(h.description)}`,
    'author: ${1:Your Name}',
    'date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE',
  ];
}

function footer(h: CatalogueHunt, level: string): string[] {
  return [
    'falsepositives:',
    ...(h.falsePositives.length ? h.falsePositives : ['Unknown']).map((f) => `    - ${quote(f)}`),
    `level: ${level}`,
  ];
}

const attackTags = (h: CatalogueHunt) => ['tags:', ...h.techniques.map((t) => `    - attack.${t.toLowerCase()}`)];

/** The hunt's own Sigma detection from the catalogue: a complete rule (and its correlation rule for an aggregation). */
function sigmaRule(h: CatalogueHunt, spec: NonNullable<CatalogueHunt['sigma']>): string[] {
  const text = sigmaDetectionText({ ...spec, correlation: undefined });
  const body = text.trimEnd().split('\n').map(esc);
  const extra = (spec.tags ?? []).map((t) => `    - ${t}`);
  if (!spec.correlation) return [...header(h), ...attackTags(h), ...extra, ...body, ...footer(h, '${2:medium}'), '$0'];
  const name = h.id.toLowerCase();
  const c = sigmaDetectionText({ ...spec, detection: {}, condition: '' }).split('\n');
  const corr = c.slice(c.findIndex((l) => l.startsWith('correlation:')) + 1).filter((l) => l.trim()).map(esc);
  return [
    ...header(h, name), ...attackTags(h), ...extra, ...body, ...footer(h, 'informational'),
    '---',
    `title: ${quote(h.title)}`, 'id: $UUID', 'status: experimental', 'author: ${1:Your Name}', 'date: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE',
    'correlation:', ...corr.slice(0, 1), '    rules:', `        - ${name}`, ...corr.slice(1),
    ...footer(h, '${2:medium}').slice(-1), '$0',
  ];
}

// The Sigma log source a CIM dataset corresponds to, for the skeleton of a hunt Sigma cannot express.
const SIGMA_LOGSOURCE: Record<string, { product?: string; category?: string }> = {
  'Endpoint.Processes': { product: 'windows', category: 'process_creation' },
  'Endpoint.Registry': { product: 'windows', category: 'registry_set' },
  'Endpoint.Filesystem': { product: 'windows', category: 'file_event' },
  'Network_Traffic.All_Traffic': { category: 'network_connection' },
  'Network_Resolution.DNS': { category: 'dns' },
  'Web.Web': { category: 'proxy' },
};

function sigmaSkeleton(h: CatalogueHunt): string[] {
  const ls = h.telemetry.splunk.map((d) => SIGMA_LOGSOURCE[d]).find(Boolean);
  const logsource = ls
    ? [...(ls.product ? [`    product: ${ls.product}`] : []), ...(ls.category ? [`    category: ${ls.category}`] : [])]
    : ['    product: ${3:windows}', '    category: ${4:process_creation}  # TODO: the log source of ' + h.id];
  return [
    ...header(h),
    ...attackTags(h),
    '    - detection.threat-hunting',
    'logsource:',
    ...logsource,
    'detection:',
    `    # TODO: ${esc(h.sigmaUnsupported ?? `the fields ${h.id} looks for (see its SPL/KQL)`)}`,
    '    selection:',
    '        ${5:CommandLine|contains}: ${6:value}',
    '    condition: selection',
    ...footer(h, '${2:medium}'),
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
    sigma[h.sigma ? `${h.id} (Sigma)` : `${h.id} (Sigma skeleton)`] = h.sigma
      ? { prefix, body: sigmaRule(h, h.sigma), description: `Sigma rule: ${description}` }
      : { prefix, body: sigmaSkeleton(h), description: `Sigma rule skeleton: ${description}` };
  }
  return { spl, kql, sigma };
}
