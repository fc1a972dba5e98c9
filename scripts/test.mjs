// `npm test`: unit tests (mocha, plain Node, against src/) then integration tests (inside a real VS Code).
// Ends with one plain "N passed, N failed" line and a non-zero exit on any failure.
import { spawn, spawnSync } from 'node:child_process';
import { checkTools } from '../test/harness/workbench.mjs';

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

// The unit-test command (and its file glob) is defined once, in package.json's test:unit.
const unit = await run('npm', ['run', '--silent', 'test:unit']);
const unitPassed = Number(/(\d+) passing/.exec(unit.out)?.[1] ?? 0);
const unitFailed = Number(/(\d+) failing/.exec(unit.out)?.[1] ?? (unit.code === 0 ? 0 : 1));

// A fresh clone tests itself: the integration host's tools (Chromium, Node 24, code-server) are installed here when
// missing, by the same script CI uses; when that is impossible, one line says what to run.
try {
  checkTools();
} catch (e) {
  console.log(`[test] ${e.message.replace(/: run .*$/, '')}: installing them with .ci/install-tools.sh`);
  const r = spawnSync('bash', ['.ci/install-tools.sh'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.log(`[test] could not install the VS Code test host; run 'bash .ci/install-tools.sh' (needs Debian's apt and npm), then 'npm test'`);
  }
}
const it = await run(process.execPath, ['test/harness/run-integration.mjs']);
const m = /^(\d+) passed, (\d+) failed$/m.exec(it.out);
const itPassed = Number(m?.[1] ?? 0);
const itFailed = Number(m?.[2] ?? 1);

console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed; integration (VS Code 1.139): ${itPassed} passed, ${itFailed} failed`);
console.log(`${unitPassed + itPassed} passed, ${unitFailed + itFailed} failed`);
process.exit(unit.code === 0 && it.code === 0 && unitFailed + itFailed === 0 ? 0 : 1);
