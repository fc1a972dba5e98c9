// `npm run package`: production build, then the VSIX. The Marketplace README is README.md without its relative
// screenshot (vsce rejects relative images when no public repository is declared).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build:production']);
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/README.package.md', readFileSync('README.md', 'utf8').replace(/^!\[[^\]]*\]\((?!https?:)[^)]*\)\n\n?/gm, ''));
run(process.execPath, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--allow-missing-repository',
  '--readme-path', '.tmp/README.package.md', '--out', 'threat-briefings.vsix']);
console.log(`threat-briefings.vsix: ${(statSync('threat-briefings.vsix').size / 1024).toFixed(0)} KB`);
