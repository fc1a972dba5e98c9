// Runs the extension's integration tests inside a real VS Code (see workbench.mjs) and prints
// "N passed, N failed". Exit code: 0 when all passed, 1 on any failure, 2 when the host could not run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, startWorkbench, workbenchUrl } from './workbench.mjs';

// Workbench chatter that says nothing about the tests (matched on a message's first line; its stack goes with it).
const NOISE = new RegExp([
  'ENOTFOUND open-vsx', 'punycode', '^Creating a socket', '^\\[Service Worker\\]', '^\\[AgentHost', '^\\[AccountPolicyGate\\]',
  '^Updating additional builtin', '^Resolving connection token', '^Resolved connection token', '^\\[reconnection-grace-time\\]',
  // No GitHub account in a test host: the workbench waits for the provider and logs the timeout with a stack.
  "^Timed out waiting for authentication provider", '^Aborted onWillSaveTextDocument-event', '^Creation of workbench contribution',
].join('|'));
// The workbench's own responsiveness probe: counted and summarised, not printed line by line.
const UNRESPONSIVE = /^Extension host \(Remote\) is (?:unresponsive|responsive)\.$/;
const TIMEOUT_MS = Number(process.env.TB_IT_TIMEOUT_S || 600) * 1000;
const testsIndex = path.join(ROOT, 'dist', 'test', 'integration', 'index.js');
if (!fs.existsSync(testsIndex)) {
  console.error(`integration tests are not built (${path.relative(ROOT, testsIndex)} missing): run 'npm run build' first`);
  process.exit(2);
}

let wb;
try {
  wb = await startWorkbench({ label: 'it' });
  console.log(`[it] code-server up on ${wb.base} after ${wb.startedMs} ms`);
  // A scratch workspace per run, with the fixtures the tests open.
  const workspace = path.join(wb.tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultsFile = path.join(wb.tmp, 'results.json');
  let finish;
  const finished = new Promise((r) => (finish = r));
  let unresponsive = 0;
  await wb.page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = [].concat(args).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    if (UNRESPONSIVE.test(line)) {
      if (line.includes('unresponsive')) unresponsive++;
    } else if (!NOISE.test(line)) console.log(line);
  });
  await wb.page.exposeFunction('codeAutomationExit', (code) => finish(code));
  await wb.page.goto(workbenchUrl(wb, {
    folder: workspace,
    extensionTestsPath: testsIndex,
    env: { TB_TEST_RESULTS: resultsFile, TB_REPO_ROOT: ROOT, TB_TEST_GREP: process.env.TB_TEST_GREP || '' },
  }));
  const code = await Promise.race([finished, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
  let results = { passed: 0, failed: 0, failures: [] };
  if (fs.existsSync(resultsFile)) results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  else if (code !== 0) results.failed = 1;
  for (const f of results.failures) console.log(`  ✗ ${f.title}\n    ${f.error}`);
  if (code === 'timeout') console.log(`[it] timed out after ${TIMEOUT_MS / 1000} s (set TB_KEEP_TMP=1 to keep ${wb.logFile})`);
  if (unresponsive) console.log(`[it] the workbench reported the extension host unresponsive ${unresponsive} time(s)`);
  console.log(`[it] VS Code host exit code ${code}`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
  await wb.close();
  process.exit(code === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1);
} catch (e) {
  console.error(`[it] could not run the integration tests: ${e.message}`);
  if (wb) await wb.close();
  console.log('0 passed, 1 failed');
  process.exit(2);
}
