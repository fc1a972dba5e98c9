/* global document -- page.evaluate runs in the browser */
// `npm run test:vsix`: installs threat-briefings.vsix into a fresh code-server with --install-extension, opens the
// workbench (no development path: only the installed package), and proves the extension activates by running
// its "Show Logs" command from the palette and reading the activation line in the Output panel.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, startWorkbench, workbenchUrl } from './workbench.mjs';

const vsix = path.resolve(process.argv[2] || path.join(ROOT, 'threat-briefings.vsix'));
if (!fs.existsSync(vsix)) {
  console.error(`${vsix} not found: run 'npm run package' first`);
  process.exit(2);
}
console.log(`VSIX ${path.basename(vsix)}: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);
const wb = await startWorkbench({ label: 'vsix', install: [vsix] });
let ok = false;
try {
  const folder = path.join(wb.tmp, 'ws');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'notes.md'), 'Technique T1059.001\n');
  await wb.page.goto(workbenchUrl(wb, { folder, extensionDevelopmentPath: null }));
  await wb.page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await wb.page.locator('.activitybar [aria-label^="Threat Briefings"]').first().waitFor({ timeout: 60000 });
  console.log('activity-bar item present');
  for (let attempt = 0; attempt < 5 && !ok; attempt++) {
    await wb.page.keyboard.press('F1');
    await wb.page.keyboard.type('Threat Briefings: Show Logs');
    await wb.page.waitForTimeout(800);
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForTimeout(2500);
    ok = await wb.page.evaluate(() => /Threat Briefings activated in [\d.]+ ms/.test(document.body.innerText.replace(/\u00a0/g, ' ')));
  }
  fs.mkdirSync(path.join(ROOT, 'screenshots'), { recursive: true });
  await wb.page.screenshot({ path: path.join(ROOT, 'screenshots', 'vsix-installed.png') });
  console.log(ok ? 'installed VSIX activated: the log shows its activation line' : 'FAILED: no activation line in the log');
} finally {
  await wb.close();
}
process.exit(ok ? 0 : 1);
