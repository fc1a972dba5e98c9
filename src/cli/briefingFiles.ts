// Reads briefing JSON files named on the command line (or every briefing in a briefings folder) for commands that
// work on existing briefings. A broken or hand-edited file stops the command with the file and the reason, because a
// layer or report that silently skips a briefing gives wrong numbers.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Briefing, SEVERITIES } from '../engine/model';
import { BriefingStore } from '../engine/store/store';
import { nodeStoreFs } from '../engine/store/nodeFs';
import { UsageError } from './command';

/** Why `x` cannot be used as a briefing, or undefined when it can. */
export function briefingProblem(x: unknown): string | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return 'it holds no briefing object';
  const b = x as Record<string, unknown>;
  if (typeof b.title !== 'string') return "'title' is missing or not text";
  if (!(SEVERITIES as readonly unknown[]).includes(b.severity)) return `'severity' must be one of ${SEVERITIES.join(', ')}, got ${JSON.stringify(b.severity)}`;
  if (!Array.isArray(b.techniques)) return "'techniques' is missing or not a list";
  const bad = b.techniques.findIndex((t) => !t || typeof t !== 'object' || typeof (t as { id?: unknown }).id !== 'string');
  if (bad >= 0) return `techniques[${bad}] has no 'id'`;
  if (b.published !== undefined && b.published !== null && typeof b.published !== 'string') return "'published' must be a YYYY-MM-DD date";
  return undefined;
}

/** JSON.parse's message on one line, with a line:column when it gives a position (its wording varies by Node). */
function jsonErrorText(text: string, e: Error): string {
  const msg = e.message.replace(/\s+/g, ' ').replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '').replace(/ is not valid JSON$/, '').trim();
  const pos = /at position (\d+)/.exec(msg);
  if (!pos || /line \d+/.test(msg)) return msg;
  const before = text.slice(0, Number(pos[1])).split('\n');
  return `${msg} (line ${before.length}, column ${before[before.length - 1].length + 1})`;
}

export function parseBriefingJson(text: string, label: string, command: string): Briefing {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`threat-briefings ${command}: ${label} is not valid JSON: ${jsonErrorText(text, e as Error)}.`, 1);
  }
  const problem = briefingProblem(parsed);
  if (problem) throw new UsageError(`threat-briefings ${command}: ${label} is not a briefing: ${problem}.`, 1);
  return parsed as Briefing;
}

/** Briefings from files and folders, in argument order (a folder's in the store's order). */
export async function readBriefings(args: readonly string[], command: string): Promise<Array<{ path: string; briefing: Briefing }>> {
  const out: Array<{ path: string; briefing: Briefing }> = [];
  for (const arg of args) {
    let isDir: boolean;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      throw new UsageError(`threat-briefings ${command}: ${arg}: no such file or folder.`, 1);
    }
    if (!isDir) {
      out.push({ path: arg, briefing: parseBriefingJson(readFileSync(arg, 'utf8'), arg, command) });
      continue;
    }
    const { briefings, broken } = await new BriefingStore(nodeStoreFs(path.resolve(arg))).list();
    if (broken.length) {
      throw new UsageError(`threat-briefings ${command}: ${broken.map((b) => `${path.join(arg, b.jsonPath)}: ${b.error}`).join('\n')}`, 1);
    }
    for (const s of briefings) {
      const label = path.join(arg, s.jsonPath);
      const problem = briefingProblem(s.briefing);
      if (problem) throw new UsageError(`threat-briefings ${command}: ${label} is not a briefing: ${problem}.`, 1);
      out.push({ path: label, briefing: s.briefing });
    }
  }
  return out;
}
