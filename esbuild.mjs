// Bundles the extension, the CLI and the integration tests. `--production` minifies and drops source maps;
// `--watch` rebuilds on change. Type-checking and lint run before this in `npm run build`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __TB_VERSION__: JSON.stringify(pkg.version) },
};

function listTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return listTests(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Briefing runs in a worker thread off the extension host's thread (src/extension/generate/workerClient.ts).
  { ...common, entryPoints: ['src/extension/generate/briefWorker.ts'], outfile: 'dist/brief-worker.js' },
  { ...common, entryPoints: ['src/cli/run.ts'], outfile: 'dist/cli.js', external: ['ioc-extractor'], banner: { js: '#!/usr/bin/env node' } },
];
if (!production) {
  // Integration tests run inside the VS Code extension host; mocha stays external (loaded from node_modules).
  builds.push({ ...common, entryPoints: listTests('test/integration'), outdir: 'dist/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // The compact MITRE ATT&CK® index is derived data: built from the STIX bundle, never committed.
  const r = spawnSync(process.execPath, ['dist/cli.js', 'attack', 'build-index', '--out', 'dist/attack-index.json', '--if-changed'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  // Snippets are data derived from the hunt catalogue (one definition): bundled as a build tool, run, then removed.
  // Only the extension contributes them; the CLI never reads dist/snippets.
  const tool = join('dist', '.build-snippets.cjs');
  await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: ['scripts/build-snippets.ts'], outfile: tool });
  const s = spawnSync(process.execPath, [tool], { stdio: 'inherit' });
  rmSync(tool, { force: true });
  if (s.status !== 0) process.exit(s.status ?? 1);
  // MITRE's licence travels with the derived index in the package: build-index copies it from beside the bundle.
  if (!existsSync(join('dist', 'LICENSE-ATTACK.txt'))) console.warn("[esbuild] dist/LICENSE-ATTACK.txt not found: the package will lack MITRE's licence text");
  console.log(`[esbuild] ${production ? 'production' : 'development'} build done`);
}
