// Code fences for queries in Markdown: longer than any backtick run inside (SPL macros use backticks).
export function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`{3,}/g) ?? []).map((r) => r.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

export function fenced(lang: string, code: string): string {
  const f = fenceFor(code);
  return `${f}${lang}\n${code}\n${f}`;
}
