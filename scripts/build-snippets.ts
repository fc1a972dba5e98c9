// Build step (bundled and run by esbuild.mjs): writes dist/snippets/{spl,kql,sigma}.json from the hunt catalogue.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../src/engine/hunts/catalogue';
import { buildSnippets } from '../src/extension/hunts/snippets';

const out = join('dist', 'snippets');
mkdirSync(out, { recursive: true });
const files = buildSnippets(catalogue());
for (const [name, file] of Object.entries(files)) writeFileSync(join(out, `${name}.json`), JSON.stringify(file, null, 2) + '\n');
console.log(`[snippets] ${Object.keys(files.spl).length} hunts → ${out}/spl.json, kql.json, sigma.json`);
