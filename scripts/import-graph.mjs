// Prints the folder-level import graph of src/ (engine steps, engine/model, engine/text, engine/brief, cli,
// extension features) and fails when folders form a loop. `npm run graph`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve('src');

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The folder a file belongs to in the graph: engine/<step>, engine/model, engine/brief, cli, extension/<feature>. */
function nodeOf(file) {
  const parts = relative(SRC, file).replace(/\.ts$/, '').split('/');
  if (parts[0] === 'engine') return parts.length === 2 ? `engine/${parts[1]}` : `engine/${parts[1]}`;
  if (parts[0] === 'extension') return parts.length === 2 ? 'extension (activate)' : `extension/${parts[1]}`;
  return parts[0];
}

const edges = new Map();
for (const f of files(SRC)) {
  const from = nodeOf(f);
  for (const m of readFileSync(f, 'utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
    const to = nodeOf(resolve(dirname(f), m[1]) + '.ts');
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
  }
}

const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
for (const n of nodes) console.log(`${n.padEnd(22)} → ${[...(edges.get(n) ?? [])].sort().join(', ') || '(nothing)'}`);

// Depth-first search for a loop between folders.
const state = new Map();
const loops = [];
function visit(n, path) {
  state.set(n, 'open');
  for (const m of edges.get(n) ?? []) {
    if (state.get(m) === 'open') loops.push([...path.slice(path.indexOf(m)), m].join(' → '));
    else if (!state.has(m)) visit(m, [...path, m]);
  }
  state.set(n, 'done');
}
for (const n of nodes) if (!state.has(n)) visit(n, [n]);
if (loops.length) {
  console.error(`\nFolder loops:\n  ${loops.join('\n  ')}`);
  process.exit(1);
}
console.log(`\n${nodes.length} folders, ${[...edges.values()].reduce((s, e) => s + e.size, 0)} folder-level imports, no loops.`);
