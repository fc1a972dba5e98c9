// Where the shared reference data lives (../shared beside the project, or beside the repository a CI clone came
// from). Tests read schemas from there, never from copies in this repository.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function candidates(): string[] {
  const out: string[] = [];
  if (process.env.THREAT_BRIEFINGS_SHARED) out.push(process.env.THREAT_BRIEFINGS_SHARED);
  out.push(join(ROOT, '..', 'shared'));
  try {
    const origin = execFileSync('git', ['-C', ROOT, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (origin && !/^[a-z]+:\/\//i.test(origin)) out.push(join(resolve(ROOT, origin), '..', 'shared'));
  } catch {
    // no git or no origin: only the first two places
  }
  return out;
}

let found: string | null | undefined;

/** The shared folder, or undefined when this machine has none (tests that need it then fail with a clear message). */
export function sharedDir(): string | undefined {
  if (found === undefined) found = candidates().find((d) => existsSync(join(d, 'schemas'))) ?? null;
  return found ?? undefined;
}

export function sharedPath(...parts: string[]): string {
  const dir = sharedDir();
  if (!dir) throw new Error('The shared reference folder (../shared) was not found; set THREAT_BRIEFINGS_SHARED to its path.');
  return join(dir, ...parts);
}
