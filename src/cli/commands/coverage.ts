// `threat-briefings coverage`: which of the briefings' MITRE ATT&CK® techniques a detection repository covers.
import { statSync } from 'node:fs';
import { parse } from '../args';
import { Command, UsageError } from '../command';
import { readBriefingFile } from '../briefing-input';
import { coverageOf, type Coverage } from '../../engine/exports/coverage';
import { scanRepository } from '../../engine/exports/coverage-walk';
import type { Briefing } from '../../engine/model';

const USAGE = `threat-briefings coverage --repo DIR <briefing.json>... [--json]
  Reads Sigma rules (tags: attack.tNNNN), security_content detections (tags.mitre_attack_id), Sentinel queries
  (relevantTechniques) and .spl/.kql files (technique IDs in the header comment) under DIR, skipping node_modules
  and dot folders, and prints for each briefing which techniques are covered, partly covered and not covered.
  A rule for T1059 covers nothing more specific; rules for T1059.001 make T1059 partly covered.`;

/** The techniques a briefing cites: inferred ones first, then those its hunts add. */
function briefingTechniques(b: Briefing): string[] {
  return [...new Set([...b.techniques.map((t) => t.id), ...b.hunts.flatMap((h) => h.techniques)])];
}

function list(ids: string[], detail: (id: string) => string): string {
  return ids.length ? ids.map((id) => `    ${id}${detail(id)}`).join('\n') : '    (none)';
}

function renderText(file: string, b: Briefing, c: Coverage): string {
  return [
    `${b.title} (${file})`,
    `  covered (${c.covered.length}):`, list(c.covered, (id) => `  ${c.rules[id].join(', ')}`),
    `  partial (${c.partial.length}):`, list(c.partial, (id) => `  only sub-techniques have rules: ${c.partialVia[id].join(', ')} (${c.rules[id].join(', ')})`),
    `  uncovered (${c.uncovered.length}):`, list(c.uncovered, (id) => (c.parentOnly[id] ? `  a rule for the parent ${id.split('.')[0]} exists (${c.parentOnly[id].join(', ')}) but does not cover it` : '')),
  ].join('\n');
}

export const coverageCommand: Command = {
  name: 'coverage',
  summary: 'Techniques of briefings that a detection repository covers, partly covers or does not',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('coverage', argv, { repo: { type: 'string' }, json: { type: 'boolean', default: false } }, USAGE);
    if (!values.repo) throw new UsageError(`threat-briefings coverage: --repo DIR is required.\nUsage: ${USAGE}`);
    if (!positionals.length) throw new UsageError(`threat-briefings coverage: give at least one briefing JSON file.\nUsage: ${USAGE}`);
    let isDir = false;
    try {
      isDir = statSync(values.repo).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) throw new UsageError(`threat-briefings coverage: ${values.repo} is not a folder`, 1);
    const briefings = positionals.map((f) => ({ file: f, briefing: readBriefingFile('coverage', f) }));
    const scan = scanRepository(values.repo);
    const results = briefings.map(({ file, briefing }) => ({ file, briefing, coverage: coverageOf(briefingTechniques(briefing), scan.rules) }));
    if (values.json) {
      io.out(JSON.stringify({
        repo: { root: values.repo, filesRead: scan.filesRead, rules: scan.rules.length, problems: scan.problems, ...(scan.truncated ? { truncated: scan.truncated } : {}) },
        briefings: results.map(({ file, briefing, coverage }) => ({ file, id: briefing.id, title: briefing.title, ...coverage })),
      }, null, 2));
    } else {
      io.out(`${values.repo}: ${scan.rules.length} rules in ${scan.filesRead} files read`);
      for (const r of results) io.out(renderText(r.file, r.briefing, r.coverage));
    }
    for (const p of scan.problems) io.err(`warning: ${p.file}: ${p.message}`);
    if (scan.truncated) io.err(`warning: ${scan.truncated}`);
    return 0;
  },
};
