// `threat-briefings attack …`: build the compact MITRE ATT&CK® index from a STIX bundle, look IDs up, search.
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command, CliIo, UsageError } from '../command';
import { buildIndexFromFile } from '../../engine/attack/build-index';
import { AttackDataError, loadAttackIndex } from '../../engine/attack/lookup';
import { renderHoverMarkdown } from '../../engine/attack/hover';
import { INDEX_FILE_NAME, projectRoot, stixCandidates } from '../../engine/attack/paths';
import { downloadStixBundle } from '../attackBundle';

const USAGE = `threat-briefings attack build-index [--stix FILE] [--out FILE] [--if-changed] [--no-download] [--attack-version X.Y]
threat-briefings attack lookup <ID> [--index FILE] [--json]
threat-briefings attack search <text> [--index FILE]

  build-index  convert a MITRE ATT&CK® STIX bundle (.json or .json.gz) into the compact index
               --stix FILE   bundle (default: $THREAT_BRIEFINGS_ATTACK_STIX, ../shared/attack/enterprise-attack.json.gz beside
                             the project or beside the repository it was cloned from, the download cache; when none
                             exists, MITRE's published v18.1 bundle is downloaded once, verified and cached)
               --no-download never download
               --out FILE    index to write (default: dist/${INDEX_FILE_NAME})
               --if-changed  skip when the index is newer than the bundle and the builder
  lookup       show a technique, tactic, group, software, mitigation or campaign (revoked IDs show their replacement)
  search       find IDs by name or alias`;

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new UsageError(`threat-briefings attack: ${name} needs a value.\n\nUsage: ${USAGE}`);
  args.splice(i, 2);
  return v;
}

function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

/** The bundle to build from: --stix, else the first existing candidate, else MITRE's download (unless --no-download). */
async function findStix(explicit: string | undefined, noDownload: boolean, haveIndex: boolean, io: CliIo): Promise<string | undefined> {
  if (explicit) return resolve(explicit);
  const found = stixCandidates().find((p) => existsSync(p));
  if (found) return found;
  if (noDownload || process.env.THREAT_BRIEFINGS_NO_DOWNLOAD) return haveIndex ? undefined : stixCandidates()[0];
  if (haveIndex) return undefined; // an index exists: never download just to refresh it
  try {
    return await downloadStixBundle({ log: (l) => io.err(l) });
  } catch (e) {
    throw new UsageError(`threat-briefings attack build-index: no MITRE ATT&CK® bundle found (looked in ${stixCandidates().join(', ')}) and ${(e as Error).message}.
` +
      'Put enterprise-attack.json.gz in ../shared/attack/, or set THREAT_BRIEFINGS_ATTACK_STIX to a STIX bundle (.json or .json.gz), or pass --stix FILE.', 1);
  }
}

async function buildIndexCommand(args: string[], io: CliIo): Promise<number> {
  const explicit = takeOption(args, '--stix');
  const noDownload = takeFlag(args, '--no-download');
  const out = resolve(takeOption(args, '--out') ?? join(projectRoot(), 'dist', INDEX_FILE_NAME));
  const attackVersion = takeOption(args, '--attack-version');
  const ifChanged = takeFlag(args, '--if-changed');
  if (args.length) throw new UsageError(`threat-briefings attack build-index: unexpected '${args[0]}'.\n\nUsage: ${USAGE}`);
  const stix = await findStix(explicit, noDownload, ifChanged && existsSync(out), io);
  if (!stix) {
    io.err(`MITRE ATT&CK® bundle not found (looked in ${stixCandidates().join(', ')}); keeping the existing index ${out}.`);
    return 0;
  }
  if (ifChanged && existsSync(out)) {
    const outTime = statSync(out).mtimeMs;
    const inputs = [stix, __filename].filter((p) => existsSync(p));
    if (!existsSync(stix)) {
      io.err(`MITRE ATT&CK® bundle ${stix} not found; keeping the existing index ${out}.`);
      return 0;
    }
    if (inputs.every((p) => statSync(p).mtimeMs < outTime)) {
      io.out(`MITRE ATT&CK® index is up to date: ${out}`);
      return 0;
    }
  }
  const t0 = performance.now();
  let data;
  try {
    data = buildIndexFromFile(stix, attackVersion ? { attackVersion } : {});
  } catch (e) {
    if (e instanceof AttackDataError) throw new UsageError(`threat-briefings attack build-index: ${e.message}\nSet THREAT_BRIEFINGS_ATTACK_STIX or pass --stix FILE.`, 1);
    throw e;
  }
  mkdirSync(dirname(out), { recursive: true });
  const json = JSON.stringify(data);
  writeFileSync(out, json);
  // MITRE's licence travels with the derived data (it must be reproduced in any copy).
  const licence = join(dirname(stix), 'LICENSE-ATTACK.txt');
  if (existsSync(licence)) copyFileSync(licence, join(dirname(out), 'LICENSE-ATTACK.txt'));
  io.out(`MITRE ATT&CK® v${data.attackVersion} (${data.versionSource}) → ${out}: ${data.techniques.length} techniques, ${data.tactics.length} tactics, ` +
    `${data.groups.length} groups, ${data.software.length} software, ${data.campaigns.length} campaigns, ${data.mitigations.length} mitigations, ` +
    `${data.retired.length} retired IDs; ${(json.length / 1024).toFixed(0)} KiB in ${(performance.now() - t0).toFixed(0)} ms`);
  return 0;
}

function lookupCommand(args: string[], io: CliIo): number {
  const indexPath = takeOption(args, '--index');
  const json = takeFlag(args, '--json');
  const [id, ...rest] = args;
  if (!id || rest.length) throw new UsageError(`threat-briefings attack lookup: give one ID.\n\nUsage: ${USAGE}`);
  const index = loadAttackIndex(indexPath);
  const r = index.lookup(id);
  if (json) io.out(JSON.stringify(r.status === 'current' ? { ...r, url: index.url(r.id) } : r, null, 2));
  else if (r.status === 'unknown') io.err(r.message);
  else io.out(renderHoverMarkdown(r.id, index) ?? r.id);
  return r.status === 'unknown' ? 1 : 0;
}

function searchCommand(args: string[], io: CliIo): number {
  const indexPath = takeOption(args, '--index');
  const q = args.join(' ');
  if (!q) throw new UsageError(`threat-briefings attack search: give some text.\n\nUsage: ${USAGE}`);
  const hits = loadAttackIndex(indexPath).search(q, 20);
  for (const h of hits) io.out(`${h.id.padEnd(10)} ${h.name}${h.detail ? `  (${h.detail})` : ''}`);
  return hits.length ? 0 : 1;
}

export const attackCommand: Command = {
  name: 'attack',
  summary: 'MITRE ATT&CK® index: build-index, lookup, search',
  usage: USAGE,
  run: async (argv, io) => {
    const [sub, ...args] = argv;
    try {
      if (sub === 'build-index') return await buildIndexCommand(args, io);
      if (sub === 'lookup') return lookupCommand(args, io);
      if (sub === 'search') return searchCommand(args, io);
    } catch (e) {
      if (e instanceof AttackDataError) throw new UsageError(`threat-briefings attack ${sub}: ${e.message}`, 1);
      throw e;
    }
    throw new UsageError(`threat-briefings attack: unknown subcommand '${sub ?? ''}'.\n\nUsage: ${USAGE}`);
  },
};
