// `npm run test:electron`: the same integration tests in desktop VS Code, through @vscode/test-electron (the standard
// VS Code test entry: dist/test/integration/index.js exports run()). test-electron downloads VS Code on first use, so
// this runs where the internet is reachable (a CI service); on machines without it, `npm test` uses code-server.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './workbench.mjs';

const testsIndex = path.join(ROOT, 'dist', 'test', 'integration', 'index.js');
if (!fs.existsSync(testsIndex)) {
  console.error(`integration tests are not built (${path.relative(ROOT, testsIndex)} missing): run 'npm run build' first`);
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
const resultsFile = path.join(tmp, 'results.json');
let code = 1;
try {
  code = await runTests({
    version: process.env.TB_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: testsIndex,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { TB_TEST_RESULTS: resultsFile, TB_REPO_ROOT: ROOT, TB_TEST_GREP: process.env.TB_TEST_GREP || '' },
  });
} catch (e) {
  console.error(`[electron] could not run VS Code: ${e.message ?? e} (test-electron needs to download VS Code; without internet use 'npm test')`);
}
const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 1, failures: [] };
for (const f of results.failures) console.log(`  ✗ ${f.title}\n    ${f.error}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(code === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1);
