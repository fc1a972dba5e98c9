// Finding MITRE's ATT&CK® STIX bundle for the build when ../shared is not beside the project: MITRE's published
// v18.1 bundle is downloaded once, checked, and cached. The check is a content fingerprint (every technique's STIX ID
// and modification time), so it holds for any faithful serialisation of the release.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { dirname, join } from 'node:path';
import { stixCacheDir } from '../engine/attack/paths';

export const MITRE_V18_1_URL = 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/enterprise-attack/enterprise-attack-18.1.json';
export const MITRE_LICENCE_URL = 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/LICENSE.txt';
/** sha256 over the sorted "id|modified" lines of the release's attack-pattern objects. */
export const V18_1_FINGERPRINT = '7b28b0831ac0812603a99e880fe8fac7f39a933b5cc2553d8b4a4b1ee6b3f959';
const MAX_BYTES = 100_000_000;

export interface DownloadOptions {
  url?: string;
  licenceUrl?: string;
  expectedFingerprint?: string;
  cacheDir?: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export function bundleFingerprint(json: string): string {
  const bundle = JSON.parse(json) as { type?: string; objects?: Array<{ type?: string; id?: string; modified?: string }> };
  if (bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) throw new Error('not a STIX bundle');
  const lines = bundle.objects.filter((o) => o.type === 'attack-pattern').map((o) => `${o.id}|${o.modified}`).sort();
  return createHash('sha256').update(lines.join('\n'), 'utf8').digest('hex');
}

function get(url: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.get(url, { timeout: timeoutMs }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode} from ${url}`));
        return;
      }
      const chunks: Buffer[] = [];
      let n = 0;
      res.on('data', (c: Buffer) => {
        n += c.length;
        if (n > MAX_BYTES) req.destroy(new Error(`more than ${MAX_BYTES} bytes from ${url}`));
        else chunks.push(c);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs / 1000} s fetching ${url}`)));
    req.on('error', reject);
  });
}

/** Downloads, verifies and caches the bundle; returns its path. Throws with a message saying what to do instead. */
export async function downloadStixBundle(opts: DownloadOptions = {}): Promise<string> {
  const url = opts.url ?? process.env.THREAT_BRIEFINGS_ATTACK_URL ?? MITRE_V18_1_URL;
  const expected = opts.expectedFingerprint ?? process.env.THREAT_BRIEFINGS_ATTACK_FINGERPRINT ?? V18_1_FINGERPRINT;
  const file = join(opts.cacheDir ?? stixCacheDir(), 'enterprise-attack-18.1.json');
  const log = opts.log ?? (() => undefined);
  log(`Downloading MITRE ATT&CK® v18.1 from ${url} (once; cached in ${dirname(file)})…`);
  let body: Buffer;
  try {
    body = await get(url, opts.timeoutMs ?? 120_000);
  } catch (e) {
    throw new Error(`could not download the MITRE ATT&CK® bundle: ${(e as Error).message}`);
  }
  let got: string;
  try {
    got = bundleFingerprint(body.toString('utf8'));
  } catch (e) {
    throw new Error(`the download from ${url} is not a STIX bundle (${(e as Error).message})`);
  }
  if (got !== expected) throw new Error(`the download from ${url} is not the v18.1 release (content fingerprint ${got.slice(0, 12)}… ≠ ${expected.slice(0, 12)}…); nothing was cached`);
  mkdirSync(dirname(file), { recursive: true });
  // Written beside, then renamed: a killed download never leaves a half file that looks cached.
  writeFileSync(`${file}.part`, body);
  renameSync(`${file}.part`, file);
  const licence = join(dirname(file), 'LICENSE-ATTACK.txt');
  if (!existsSync(licence)) {
    try {
      writeFileSync(licence, await get(opts.licenceUrl ?? process.env.THREAT_BRIEFINGS_ATTACK_LICENCE_URL ?? MITRE_LICENCE_URL, 30_000));
    } catch (e) {
      log(`warning: MITRE's licence could not be downloaded (${(e as Error).message}); add LICENSE-ATTACK.txt beside ${file} before packaging`);
    }
  }
  log(`MITRE ATT&CK® v18.1 verified and cached: ${file}`);
  return file;
}
