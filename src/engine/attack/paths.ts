// Where the STIX bundle and the built index live by default.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const STIX_ENV = 'THREAT_BRIEFINGS_ATTACK_STIX';
export const INDEX_ENV = 'THREAT_BRIEFINGS_ATTACK_INDEX';
export const INDEX_FILE_NAME = 'attack-index.json';

/** The project root: the nearest folder above this module with our package.json (works from src/ and from dist/). */
export function projectRoot(from = __dirname): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'threat-briefings') return dir;
      } catch {
        // not ours; keep climbing
      }
    }
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The STIX bundle to build from: env var, else ../shared/attack/enterprise-attack.json.gz beside the project. */
export function defaultStixPath(): string {
  return process.env[STIX_ENV] || join(projectRoot(), '..', 'shared', 'attack', 'enterprise-attack.json.gz');
}

/** Candidate locations of the built index: env var, next to the bundled code (dist/), the project's dist/. */
export function indexCandidates(): string[] {
  const out: string[] = [];
  if (process.env[INDEX_ENV]) out.push(process.env[INDEX_ENV]!);
  out.push(join(__dirname, INDEX_FILE_NAME), join(projectRoot(), 'dist', INDEX_FILE_NAME));
  return out;
}
