// A linear pass over HTML source that bounds how deep its elements can nest before any parser sees it. parse5
// checks the whole stack of open elements on many start tags (and htmlparser2 unshifts onto an array), so a page
// with tens of thousands of nested or unclosed elements costs O(n × depth) to parse: 100k nested <div>s took
// minutes. Start tags beyond the limit are dropped with their end tags; text is kept. Elements whose end tag is
// optional (p, li, td…) close themselves in the parser and are neither counted nor dropped, so normal pages,
// which never come near the limit, reach the parser unchanged.

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound', 'command', 'image']);
// Elements whose content is raw text: tags inside them are not tags.
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);
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

export interface Limited {
  html: string;
  /** Start tags dropped (0: the source is returned as is). */
  dropped: number;
}

/** The source with start tags beyond `limit` open elements removed (and the end tags that match them). */
export function limitNesting(html: string, limit: number): Limited {
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const parts: string[] = [];
  let kept = 0; // html[kept…] not yet copied to parts
  let dropped = 0;
  const drop = (from: number, to: number): void => {
    parts.push(html.slice(kept, from));
    kept = to;
  };
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
    const next = gt + 1;
    if (closing) {
      if (!VOID.has(name) && !OPTIONAL_END.has(name)) {
        if (openCount.get(name)) {
          // Closes the innermost open element of that name and, as parsers do, everything opened inside it.
          for (;;) {
            const top = stack.pop() as string;
            openCount.set(top, (openCount.get(top) ?? 1) - 1);
            if (top === name) break;
          }
        } else if (dropped) {
          drop(i, next); // the end of a dropped element (or a stray end tag, which parsers ignore anyway)
        }
      }
      i = html.indexOf('<', next);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const re = closeTag(name);
      re.lastIndex = next;
      const close = re.exec(html);
      i = close ? html.indexOf('<', close.index + 1) : -1;
      continue;
    }
    if (!VOID.has(name) && !OPTIONAL_END.has(name)) {
      if (stack.length >= limit) {
        drop(i, next);
        dropped++;
      } else {
        stack.push(name);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
      }
    }
    i = html.indexOf('<', next);
  }
  if (!dropped) return { html, dropped: 0 };
  parts.push(html.slice(kept));
  return { html: parts.join(''), dropped };
}
