// A linear pre-scan of HTML source for how deep its elements could nest. parse5 checks the whole stack of open
// elements on many start tags, so a page with tens of thousands of unclosed or nested elements costs O(n × depth)
// to parse (100k nested <div>s: minutes). The scan over-estimates (it ignores implied end tags), which only
// matters for choosing the parser: see ./parseHtml.ts.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound', 'command', 'image']);
// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

const closeTags = new Map<string, RegExp>();
function closeTag(name: string): RegExp {
  let re = closeTags.get(name);
  if (!re) {
    re = new RegExp(`</${name}`, 'gi');
    closeTags.set(name, re);
  }
  return re;
}

function isNameChar(c: number): boolean {
  // a-z A-Z 0-9 - _ : .
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 58 || c === 46;
}

/**
 * The largest number of start tags open at once (start tags minus end tags, void elements and raw-text contents
 * not counted), stopping early once `stopAt` is reached.
 */
export function maxOpenTags(html: string, stopAt = Number.POSITIVE_INFINITY): number {
  let open = 0;
  let max = 0;
  const n = html.length;
  let i = html.indexOf('<');
  while (i >= 0 && i < n - 1) {
    const c = html.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      // Comment, doctype or CDATA: skip to its end.
      const end = html.startsWith('<!--', i) ? html.indexOf('-->', i + 4) : html.indexOf('>', i + 2);
      if (end < 0) break;
      i = html.indexOf('<', end + 1);
      continue;
    }
    const closing = c === 47; /* / */
    let j = i + (closing ? 2 : 1);
    const start = j;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    if (j === start) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = html.slice(start, j).toLowerCase();
    const gt = html.indexOf('>', j);
    if (gt < 0) break;
    if (closing) {
      if (!VOID.has(name) && open > 0) open--;
      i = html.indexOf('<', gt + 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const re = closeTag(name);
      re.lastIndex = gt + 1;
      const close = re.exec(html);
      i = close ? html.indexOf('<', close.index + 1) : -1;
      continue;
    }
    if (!VOID.has(name)) {
      open++;
      if (open > max) max = open;
      if (max >= stopAt) return max;
    }
    i = html.indexOf('<', gt + 1);
  }
  return max;
}
