// `threat-briefings export`: hunts of a briefing as detection-repository files (Sigma, security_content, Sentinel,
// .spl, .kql) or its IOCs as STIX 2.1 / CSV. Without --out, one document on standard output; with --out, one file
// per hunt that is never overwritten unless --force.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDate, parse } from '../args';
import { Command, CliIo, UsageError } from '../command';
import { lazyTactics, readBriefingFile } from '../briefing-input';
import { exportIocs, iocsOfHunts } from '../../engine/exports/export';
import { exportBriefingHunt } from '../../engine/huntExport';
import { EXPORT_FORMATS, ExportFormat, ExportResult, HuntFormat, SigmaSpec } from '../../engine/exports/types';
import type { Briefing, Hunt } from '../../engine/model';

const USAGE = `threat-briefings export <briefing.json> --format sigma|security_content|sentinel|spl|kql|stix|csv
       [--hunt ID]... [--out DIR [--force]] [--author NAME] [--date YYYY-MM-DD] [--story NAME]...
       [--sigma-spec FILE] [--attack STIX_OR_INDEX]
  --hunt ID        export only this hunt (repeatable); default: every hunt in the briefing
  --out DIR        one file per hunt in DIR, named the way each repository expects (security_content <name>.yml,
                   Sentinel <Name>.yaml, Sigma <name>.yml); an existing file is not overwritten unless --force
                   Without --out: one document on standard output (YAML formats: one YAML document per hunt,
                   separated by ---; spl/kql: the hunts one after another, each under its header comment)
  stix, csv        the briefing's IOCs (only those of the --hunt hunts when given), one bundle / one table
  --date           rule date (default: the briefing's published date)
  --story          security_content analytic_story (repeatable; default: the briefing title)
  --sigma-spec     JSON: a Sigma detection {logsource, detection, condition[, correlation]}, or an object of such
                   specs keyed by hunt ID, used instead of the catalogue's (behaviour hunts export with their own
                   Sigma detection from the catalogue; IOC hunts from their IOCs)`;

const YAML_FORMATS: ExportFormat[] = ['sigma', 'security_content', 'sentinel'];

function readSpecs(file: string | undefined, hunts: Hunt[]): Record<string, SigmaSpec> {
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`threat-briefings export: cannot read the Sigma spec ${file}: ${(e as Error).message}`, 1);
  }
  const isSpec = (x: unknown): x is SigmaSpec => typeof x === 'object' && x !== null && 'detection' in x && 'condition' in x && 'logsource' in x;
  if (isSpec(json)) {
    if (hunts.length !== 1) throw new UsageError('threat-briefings export: a single Sigma spec needs exactly one --hunt; use an object keyed by hunt ID for several', 2);
    return { [hunts[0].id]: json };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !Object.values(json).every(isSpec)) {
    throw new UsageError(`threat-briefings export: ${file} must hold a Sigma spec {logsource, detection, condition} or an object of them keyed by hunt ID`, 1);
  }
  return json as Record<string, SigmaSpec>;
}

function chooseHunts(briefing: Briefing, ids: string[] | undefined, file: string): Hunt[] {
  if (!ids?.length) return briefing.hunts;
  return ids.map((id) => {
    const h = briefing.hunts.find((x) => x.id === id);
    if (!h) {
      const known = briefing.hunts.map((x) => x.id).join(', ') || 'none';
      throw new UsageError(`threat-briefings export: ${file} has no hunt '${id}' (its hunts: ${known})`, 1);
    }
    return h;
  });
}

function writeOut(dir: string, results: Array<{ label: string; r: ExportResult }>, force: boolean, io: CliIo): number {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  let written = 0;
  let existed = 0;
  let failed = 0;
  for (const { label, r } of results) {
    if (!r.ok) {
      io.err(`not exported: ${r.reason}`);
      failed++;
      continue;
    }
    const path = join(dir, r.fileName);
    if (used.has(r.fileName)) {
      io.err(`not exported: ${label} gives the same file name as an earlier hunt (${r.fileName})`);
      failed++;
      continue;
    }
    used.add(r.fileName);
    try {
      writeFileSync(path, r.text, { encoding: 'utf8', flag: force ? 'w' : 'wx' }); // wx: fails if the file exists, no race
      io.out(`wrote ${path}`);
      written++;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      io.err(`already exists: ${path} (${label}); use --force to overwrite`);
      existed++;
    }
  }
  io.err(`${written} written, ${existed} already existed, ${failed} could not be exported`);
  return written > 0 && existed === 0 ? 0 : 1;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export hunts as Sigma, security_content, Sentinel, .spl/.kql, or the IOCs as STIX 2.1 / CSV',
  usage: USAGE,
  run: async (argv, io) => {
    const { values, positionals } = parse('export', argv, {
      format: { type: 'string' },
      hunt: { type: 'string', multiple: true },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      author: { type: 'string' },
      date: { type: 'string' },
      story: { type: 'string', multiple: true },
      'sigma-spec': { type: 'string' },
      attack: { type: 'string' },
    }, USAGE);
    if (positionals.length !== 1) throw new UsageError(`threat-briefings export: give exactly one briefing JSON file.\nUsage: ${USAGE}`);
    const format = values.format?.replace('security-content', 'security_content') as ExportFormat | undefined;
    if (!format || !EXPORT_FORMATS.includes(format)) {
      throw new UsageError(`threat-briefings export: --format must be one of ${EXPORT_FORMATS.join(', ')}${values.format ? `, got '${values.format}'` : ''}`);
    }
    const date = checkDate('export', '--date', values.date);
    const file = positionals[0];
    const briefing = readBriefingFile('export', file);
    const hunts = chooseHunts(briefing, values.hunt, file);
    // contentctl refuses a date in the future; an article stamped "tomorrow" by a far-east time zone gets today's date
    const today = new Date().toISOString().slice(0, 10);
    const published = briefing.published?.slice(0, 10);
    let ruleDate = date;
    if (!ruleDate && published && published > today) {
      io.err(`warning: ${file} is published ${published}, after today (UTC); the rules are dated ${today}`);
      ruleDate = today;
    }
    const opts = { author: values.author, date: ruleDate, analyticStories: values.story, tactics: lazyTactics(values.attack, io.err) };

    if (format === 'stix' || format === 'csv') {
      const r = exportIocs(format, briefing, opts, values.hunt?.length ? iocsOfHunts(briefing, hunts) : briefing.iocs);
      if (!values.out) {
        if (!r.ok) {
          io.err(`threat-briefings export: nothing exported: ${r.reason}${/no published date/.test(r.reason) ? ' with --date' : ''}`);
          return 1;
        }
        io.out(r.text);
        return 0;
      }
      return writeOut(values.out, [{ label: `the IOCs of ${file}`, r }], values.force, io);
    }

    if (!hunts.length) {
      io.err(`threat-briefings export: ${file} has no hunts to export`);
      return 1;
    }
    const specs = readSpecs(values['sigma-spec'], hunts);
    const results = hunts.map((h) => ({ label: h.id, r: exportBriefingHunt(format as HuntFormat, h, briefing, { ...opts, sigma: specs[h.id] }) }));
    if (values.out) return writeOut(values.out, results, values.force, io);
    const ok = results.flatMap(({ r }) => (r.ok ? [r.text] : []));
    for (const { r } of results) if (!r.ok) io.err(`not exported: ${r.reason}`);
    if (!ok.length) {
      io.err(`threat-briefings export: nothing exported in ${format}`);
      return 1;
    }
    io.out(ok.join(YAML_FORMATS.includes(format) ? '---\n' : '\n'));
    return 0;
  },
};
