// Where the STIX bundle and the built index live by default.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
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

const SHARED_BUNDLE = join('shared', 'attack', 'enterprise-attack.json.gz');

/** The STIX bundle to build from: env var, else ../shared/attack/enterprise-attack.json.gz beside the project. */
export function defaultStixPath(): string {
  return process.env[STIX_ENV] || join(projectRoot(), '..', SHARED_BUNDLE);
}

/** Where a downloaded copy of MITRE's published bundle is cached between builds. */
export function stixCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'threat-briefings', 'attack');
}

/**
 * Every place a bundle may already be, in order: the env var; ../shared beside the project; ../shared beside the
 * repository this clone came from (a CI clone in a temp folder); the download cache. The first that exists wins.
 */
export function stixCandidates(): string[] {
  if (process.env[STIX_ENV]) return [process.env[STIX_ENV]!];
  const root = projectRoot();
  const out = [join(root, '..', SHARED_BUNDLE)];
  try {
    const origin = execFileSync('git', ['-C', root, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (origin && !/^[a-z][a-z0-9+.-]*:\/\//i.test(origin) && !/^[\w.-]+@[\w.-]+:/.test(origin)) out.push(join(resolve(root, origin), '..', SHARED_BUNDLE));
  } catch {
    // not a git checkout, or no origin
  }
  out.push(join(stixCacheDir(), 'enterprise-attack-18.1.json'));
  return out;
}

/** Candidate locations of the built index: env var, next to the bundled code (dist/), the project's dist/. */
export function indexCandidates(): string[] {
  const out: string[] = [];
  if (process.env[INDEX_ENV]) out.push(process.env[INDEX_ENV]!);
  out.push(join(__dirname, INDEX_FILE_NAME), join(projectRoot(), 'dist', INDEX_FILE_NAME));
  return out;
}

/** The first bundle that exists among the candidates, or undefined. */
export function findStixBundle(): string | undefined {
  return stixCandidates().find((p) => existsSync(p));
}
