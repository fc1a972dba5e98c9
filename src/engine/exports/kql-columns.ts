// The columns a KQL query's result has, as far as its last `project` or `summarize … by` (plus later `extend`s) say.
// Used only to choose Sentinel entity mappings; the query itself is exported unchanged.

/** Blanks out string literals so that commas and pipes inside them do not count. */
function withoutStrings(q: string): string {
  return q.replace(/@?"(?:[^"\\\n]|\\.)*"|@?'(?:[^'\\\n]|\\.)*'/g, (m) => ' '.repeat(m.length)).replace(/\/\/[^\n]*/g, '');
}

/** Splits on commas outside brackets. */
function topLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of list) {
    if (c === '(' || c === '[' || c === '{') depth++;
    if (c === ')' || c === ']' || c === '}') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

function columnName(item: string): string | undefined {
  const m = /^\s*([A-Z_]\w*)\s*(?:=|$)/i.exec(item.trim());
  return m?.[1];
}

export function projectedColumns(query: string): string[] | undefined {
  const stages = withoutStrings(query).split('|').map((s) => s.trim());
  let cols: string[] | undefined;
  for (const s of stages) {
    const project = /^project\s([\s\S]*)$/.exec(s);
    const summarize = /^summarize\b([\s\S]*)$/.exec(s);
    const extend = /^extend\s([\s\S]*)$/.exec(s);
    if (project) cols = topLevel(project[1]).map(columnName).filter((c): c is string => !!c);
    else if (summarize) {
      const [aggs, by = ''] = summarize[1].split(/\bby\b/);
      cols = [...topLevel(aggs).map((a) => /^\s*([A-Z_]\w*)\s*=/i.exec(a)?.[1]), ...topLevel(by).map(columnName)].filter((c): c is string => !!c);
    } else if (extend && cols) cols.push(...topLevel(extend[1]).map((e) => /^\s*([A-Z_]\w*)\s*=/i.exec(e)?.[1]).filter((c): c is string => !!c));
  }
  return cols;
}
