// `npm test`: unit tests (mocha, plain Node, against src/) then integration tests (inside a real VS Code).
// Ends with one plain "N passed, N failed" line and a non-zero exit on any failure.
import { spawn } from 'node:child_process';

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

const it = await run(process.execPath, ['test/harness/run-integration.mjs']);
const m = /^(\d+) passed, (\d+) failed$/m.exec(it.out);
const itPassed = Number(m?.[1] ?? 0);
const itFailed = Number(m?.[2] ?? 1);

console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed; integration (VS Code 1.139): ${itPassed} passed, ${itFailed} failed`);
console.log(`${unitPassed + itPassed} passed, ${unitFailed + itFailed} failed`);
process.exit(unit.code === 0 && it.code === 0 && unitFailed + itFailed === 0 ? 0 : 1);
