// String literals for the two query languages. Values come from articles, so nothing in them may end a string early
// or change the query: KQL gets verbatim strings (@"…", where a backslash is an ordinary character and a quote is
// doubled), SPL gets double-quoted strings with backslash and quote escaped. Control characters never belong in an
// IOC and are dropped. SPL has no escape for `*`: templates add wildcards only where they mean them.

// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;

export function kqlString(v: string): string {
  return '@"' + v.replace(CONTROL, '').replace(/"/g, '""') + '"';
}

export function splString(v: string): string {
  return '"' + v.replace(CONTROL, '').replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** Values in chunks of `size`: long IOC lists are batched, never truncated. */
export function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Comma-separated literals, a few per line, so a long list stays readable in a query editor. */
export function literalList(lits: string[], indent: string, perLine = 5): string {
  const lines = chunks(lits, perLine).map((l) => l.join(', '));
  return lines.length <= 1 ? lines.join('') : '\n' + lines.map((l) => indent + l).join(',\n') + '\n' + indent.slice(2);
}
