// Sigma rule YAML (Sigma specification 2.x) for one hunt. The detection comes from structured data only: the hunt's
// IOCs, or a SigmaSpec the caller supplies for a behaviour hunt (the catalogue's, looked up by engine/huntExport.ts); SPL and KQL text is never translated. A hunt with
// neither, or one that needs an aggregation no spec describes, is reported as not expressible: never an invalid rule.
import type { Briefing, Hunt } from '../model';
import { articleUrl, describe, exportAuthor, exportDate, huntTechniques, NO_DATE } from './common';
import { huntIocs } from './ioc-types';
import { oneLine, snakeCase, truncate } from './names';
import { iocRuleParts } from './sigma-ioc';
import { huntTactics } from './tactics';
import type { ExportOptions, ExportResult, SigmaSelection, SigmaSpec } from './types';
import { stableUuid } from './uuid';
import { toYaml } from './yaml-out';

const TAG = /^[a-z0-9_-]+\.[a-z0-9._-]+$/;
const STYLE = { indent: 4, indentSeq: true } as const;

/** From the hunt's confidence; a LOW-severity briefing (a tutorial, a release note) never yields a high-level rule. */
function level(hunt: Hunt, briefing: Briefing): string {
  const l = hunt.confidence === 'high' ? 'high' : hunt.confidence === 'low' ? 'low' : 'medium';
  return briefing.severity === 'LOW' && l === 'high' ? 'medium' : l;
}

function tags(hunt: Hunt, briefing: Briefing, opts: ExportOptions, extra: string[] = []): string[] {
  const techniques = huntTechniques(hunt);
  const all = [
    ...huntTactics(techniques, briefing, opts.tactics).map((t) => `attack.${t}`),
    ...techniques.map((t) => `attack.${t.toLowerCase()}`),
    ...extra.map((t) => t.trim().toLowerCase()),
  ];
  return [...new Set(all.filter((t) => TAG.test(t)))];
}

function falsePositives(hunt: Hunt): string[] {
  const fps = [...new Set((hunt.falsePositives ?? []).map(oneLine).filter((f) => f.length >= 2))];
  return fps.length ? fps : ['Unknown'];
}

/** Names a condition uses must be defined: a spec with a typo would be a rule no backend converts. */
function specProblem(spec: SigmaSpec): string | undefined {
  const names = Object.keys(spec.detection);
  if (!names.length) return 'the SigmaSpec has no selections';
  if (names.includes('condition')) return "the SigmaSpec uses 'condition' as a selection name";
  if (!spec.logsource.category && !spec.logsource.product && !spec.logsource.service) return 'the SigmaSpec has no log source';
  const words = spec.condition.replace(/[()|]/g, ' ').split(/\s+/).filter(Boolean);
  if (!words.length) return 'the SigmaSpec has an empty condition';
  for (const w of words) {
    if (/^(?:and|or|not|of|all|them|\d+)$/i.test(w)) continue;
    const re = new RegExp('^' + w.replace(/[.+^${}[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
    if (!names.some((n) => re.test(n))) return `the SigmaSpec condition names '${w}', which is not one of its selections (${names.join(', ')})`;
  }
  if (spec.correlation) {
    const c = spec.correlation;
    if (!/^\d+[smhdwMy]$/.test(c.timespan)) return `the correlation timespan '${c.timespan}' is not a number and a unit (5m, 1h, 1d)`;
    if (!c.groupBy.length) return 'the correlation has no group-by fields';
    if (c.type === 'value_count' && !c.field) return 'a value_count correlation needs the field whose values are counted';
  }
  return undefined;
}

function whyNot(hunt: Hunt): string {
  const aggregates = /\|\s*(?:summarize|make-series)\b/.test(hunt.kql ?? '');
  const base = `${hunt.id} cannot be expressed as a Sigma rule: it is a ${hunt.kind} hunt without IOCs and no structured Sigma detection (SigmaSpec) was supplied; its logic exists only as SPL and KQL`;
  return aggregates
    ? `${base}, and it aggregates events (counts or rarity over time), which a single Sigma rule cannot say: a SigmaSpec with a correlation is needed`
    : base;
}

interface RuleBody {
  key: string;
  titleSuffix: string;
  logsource: Record<string, string>;
  detection: Record<string, SigmaSelection>;
  condition: string;
  extraTags?: string[];
  note?: string;
}

function ruleDoc(hunt: Hunt, briefing: Briefing, opts: ExportOptions, date: string, body: RuleBody, name?: string): Record<string, unknown> {
  const url = articleUrl(briefing);
  const description = describe(hunt, briefing) + (body.note ? `\n\n${body.note}` : '');
  return {
    title: truncate(oneLine(hunt.title) + body.titleSuffix, 256),
    id: stableUuid('sigma', briefing.id, hunt.id, body.key),
    ...(name ? { name } : {}),
    status: 'experimental',
    description,
    ...(url ? { references: [url] } : {}),
    author: exportAuthor(opts),
    date,
    tags: tags(hunt, briefing, opts, body.extraTags),
    logsource: body.logsource,
    detection: { ...body.detection, condition: body.condition },
    falsepositives: falsePositives(hunt),
    level: level(hunt, briefing),
  };
}

function fileName(hunt: Hunt): string {
  return `${snakeCase(hunt.title) || snakeCase(hunt.id) || 'hunt'}.yml`;
}

/** One Sigma rule file (several YAML documents when the IOCs need several log sources, or a correlation). */
export function exportSigma(hunt: Hunt, briefing: Briefing, opts: ExportOptions = {}): ExportResult {
  const date = exportDate(briefing, opts);
  if (!date) return { ok: false, reason: `${hunt.id}: ${NO_DATE}` };
  const spec = opts.sigma;
  if (spec) {
    const problem = specProblem(spec);
    if (problem) return { ok: false, reason: `${hunt.id} cannot be exported as Sigma: ${problem}` };
    const logsource = Object.fromEntries(Object.entries(spec.logsource).filter(([, v]) => !!v)) as Record<string, string>;
    const body: RuleBody = { key: 'spec', titleSuffix: '', logsource, detection: spec.detection, condition: spec.condition, extraTags: spec.tags, note: spec.note };
    if (!spec.correlation) return { ok: true, fileName: fileName(hunt), text: toYaml(ruleDoc(hunt, briefing, opts, date, body), STYLE) };
    // Base rule (named, so the correlation can refer to it) and the correlation rule, one file, two documents.
    const name = snakeCase(hunt.title) || snakeCase(hunt.id);
    const base = ruleDoc(hunt, briefing, opts, date, { ...body, titleSuffix: ' (events)' }, name);
    const c = spec.correlation;
    const url = articleUrl(briefing);
    const correlation = {
      title: truncate(oneLine(hunt.title), 256),
      id: stableUuid('sigma-correlation', briefing.id, hunt.id),
      status: 'experimental',
      description: describe(hunt, briefing),
      ...(url ? { references: [url] } : {}),
      author: exportAuthor(opts),
      date,
      correlation: {
        type: c.type,
        rules: [name],
        'group-by': c.groupBy,
        timespan: c.timespan,
        condition: { gte: c.gte, ...(c.field ? { field: c.field } : {}) },
      },
      falsepositives: falsePositives(hunt),
      level: level(hunt, briefing),
    };
    return { ok: true, fileName: fileName(hunt), text: toYaml(base, STYLE) + '---\n' + toYaml(correlation, STYLE) };
  }
  const iocs = huntIocs(hunt, briefing);
  if (!iocs.length && opts.sigmaUnsupported) return { ok: false, reason: `${hunt.id} cannot be expressed as a Sigma rule: ${opts.sigmaUnsupported}` };
  if (!iocs.length) return { ok: false, reason: whyNot(hunt) };
  const { parts, leftOut } = iocRuleParts(iocs);
  if (!parts.length) return { ok: false, reason: `${hunt.id} cannot be expressed as a Sigma rule: its IOCs are only ${leftOut.join('; ')}` };
  const note = leftOut.length ? `Not in this rule: ${leftOut.join('; ')}.` : undefined;
  const docs = parts.map((p) => ruleDoc(hunt, briefing, opts, date, {
    key: p.key, titleSuffix: parts.length > 1 ? ` (${p.label})` : '', logsource: p.logsource, detection: p.detection, condition: p.condition, note,
  }));
  return { ok: true, fileName: fileName(hunt), text: docs.map((d) => toYaml(d, STYLE)).join('---\n') };
}

/**
 * The log source, detection and (for an aggregation) correlation of a spec as Sigma YAML, without the rule's
 * metadata: what `hunts show` prints and what the snippets start from.
 */
export function sigmaDetectionText(spec: SigmaSpec): string {
  const logsource = Object.fromEntries(Object.entries(spec.logsource).filter(([, v]) => !!v));
  const c = spec.correlation;
  const correlation = c
    ? { correlation: { type: c.type, 'group-by': c.groupBy, timespan: c.timespan, condition: { gte: c.gte, ...(c.field ? { field: c.field } : {}) } } }
    : {};
  return toYaml({ logsource, detection: { ...spec.detection, condition: spec.condition }, ...correlation }, STYLE);
}
