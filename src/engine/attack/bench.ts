// Speed of the ATT&CK index: load time, memory, lookup + hover rendering. Printed by `threat-briefings bench`.
import { existsSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderHoverMarkdown } from './hover';
import { readAttackIndex } from './lookup';
import { indexCandidates } from './paths';
import { AttackDataError } from './types';

export interface AttackBench {
  path: string;
  indexBytes: number;
  loadMs: number;
  /** Resident set growth while loading (MB; noisy, GC-dependent). */
  rssMb: number;
  /** Heap growth while loading (MB). */
  heapMB: number;
  techniques: number;
  /** All IDs the index answers for (techniques, tactics, groups, software, campaigns, mitigations, retired). */
  entries: number;
  hoverP50Us: number;
  hoverP95Us: number;
}

const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

/** Loads the built index afresh (not from the cache) and renders a hover for every technique. */
export function benchAttack(indexPath?: string): AttackBench {
  const path = indexPath ?? indexCandidates().find((p) => existsSync(p));
  if (!path) throw new AttackDataError('No built MITRE ATT&CK® index to benchmark; run `threat-briefings attack build-index`.');
  const mem0 = process.memoryUsage();
  const t0 = performance.now();
  const index = readAttackIndex(path);
  const loadMs = performance.now() - t0;
  const mem1 = process.memoryUsage();
  const ids = [...index.techniques.map((t) => t.id), ...index.data.retired.map((r) => r.id)];
  const times: number[] = [];
  for (const id of ids) {
    const s = performance.now();
    renderHoverMarkdown(id, index);
    times.push((performance.now() - s) * 1000);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number): number => round(times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0);
  const d = index.data;
  return {
    path,
    indexBytes: statSync(path).size,
    loadMs: round(loadMs),
    rssMb: round((mem1.rss - mem0.rss) / 1e6),
    heapMB: round((mem1.heapUsed - mem0.heapUsed) / 1e6),
    techniques: d.techniques.length,
    entries: d.techniques.length + d.tactics.length + d.groups.length + d.software.length + d.campaigns.length + d.mitigations.length + d.retired.length,
    hoverP50Us: pct(0.5),
    hoverP95Us: pct(0.95),
  };
}
