// Turns MITRE's STIX description markup into short plain text for hovers and the compact index.

const CITATION = /\s*\(Citation:[^)]*\)/g;
// [Name](https://attack.mitre.org/…) → Name
const MD_LINK = /\[([^\]]+)\]\(https?:\/\/[^)\s]+\)/g;
const CODE_TAG = /<\/?code>/g;
const HTML_TAG = /<\/?(?:[bip]|em|strong|br|sup|sub)\s*\/?>/gi;

export function cleanStixText(s: string | undefined): string {
  if (!s) return '';
  return s
    .replace(CITATION, '')
    .replace(MD_LINK, '$1')
    .replace(CODE_TAG, '`')
    .replace(HTML_TAG, '')
    .replace(/\*\*/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first paragraph (and the next while short), cut at a sentence end near `max` characters. */
export function shortText(s: string | undefined, max = 420): string {
  const clean = cleanStixText(s);
  if (!clean) return '';
  const paras = clean.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith('#'));
  let out = paras[0] ?? '';
  for (const p of paras.slice(1)) {
    if (out.length + p.length + 1 > max) break;
    out += '\n\n' + p;
  }
  if (out.length <= max) return out;
  const cut = out.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > max / 3 ? cut.slice(0, end + 1) : cut.replace(/\s+\S*$/, '') + ' …';
}
