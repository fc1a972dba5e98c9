// Runs inside VS Code's extension host: loads every *.test.js next to this file into mocha and reports
// the totals to the harness through a results file (the host's stdout does not reach the harness).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'base', timeout: 60000, grep: process.env.TB_TEST_GREP || undefined });
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  const failures: Array<{ title: string; error: string }> = [];
  let passed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => {
      passed++;
      console.log(`  ✓ ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err: Error) => {
      failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err).split('\n').slice(0, 6).join('\n    ') });
      console.log(`  ✗ ${t.fullTitle()}: ${err?.message}`);
    });
  });
  const out = process.env.TB_TEST_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify({ passed, failed: failures.length, failures }, null, 2));
  if (failures.length) throw new Error(`${failures.length} integration test(s) failed`);
}
