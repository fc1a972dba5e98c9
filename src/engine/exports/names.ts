// File and rule names derived from hunt titles: ASCII, predictable, and the same on every platform.

/** Words of a title, ASCII letters and digits only (accents folded, everything else a separator). */
export function titleWords(title: string): string[] {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Z0-9]+/i).filter(Boolean);
}

/** snake_case of a title, at most `max` characters, cut at a word boundary. */
export function snakeCase(title: string, max = 80): string {
  const out: string[] = [];
  let len = 0;
  for (const w of titleWords(title).map((x) => x.toLowerCase())) {
    if (out.length && len + 1 + w.length > max) break;
    out.push(w.slice(0, max));
    len += (out.length > 1 ? 1 : 0) + w.length;
  }
  return out.join('_');
}

/** PascalCase of a title (Sentinel's file naming), at most `max` characters. */
export function pascalCase(title: string, max = 80): string {
  let out = '';
  for (const w of titleWords(title)) {
    const part = w[0].toUpperCase() + w.slice(1);
    if (out && out.length + part.length > max) break;
    out += part.slice(0, max);
  }
  return out;
}

/** Text on one line: newlines and other control characters become spaces, runs of spaces collapse. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, cut at a word boundary when one is near. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trim();
}
