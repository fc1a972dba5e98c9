// Bytes → string for pages and files: BOM, declared charset (HTTP header, <meta>, XML declaration), then UTF-8
// with a windows-1252 fallback, which is what browsers effectively do for undeclared legacy pages.

export interface Decoded {
  text: string;
  /** The WHATWG encoding name actually used (e.g. "utf-8", "windows-1252", "utf-16le"). */
  charset: string;
  /** Set when the declared charset did not fit the bytes and another one was used. */
  warning?: string;
}

/** Charset from a Content-Type value (`text/html; charset="ISO-8859-1"` → `iso-8859-1`). */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return m ? m[2].toLowerCase() : undefined;
}

/** The bare media type (`text/html`), lower-case, without parameters. */
export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** `<meta charset>` / `<meta http-equiv="Content-Type" content="…charset=…">` in the first bytes of an HTML page. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  // The HTML spec pre-scans 1024 bytes; real pages sometimes put the tag later, behind long comments or scripts.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const direct = /<meta[^>]+?\bcharset\s*=\s*(?:["']\s*)?([\w.:-]+)/i.exec(head);
  if (direct) return direct[1].toLowerCase();
  return undefined;
}

/** `<?xml version="1.0" encoding="…"?>` of a feed or XHTML document. */
export function sniffXmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const m = /^\s*<\?xml[^>]+\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

// windows-1252 differs from ISO-8859-1 in 0x80-0x9F (curly quotes, dashes, €). Node's TextDecoder decodes
// that range as C1 controls (nodejs/node#56542), so those bytes are mapped here.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const part = bytes.subarray(i, i + CHUNK);
    const codes = new Array<number>(part.length);
    for (let j = 0; j < part.length; j++) {
      const b = part[j];
      codes[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'windows-1252') return decodeCp1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

function decoderFor(label: string | undefined): InstanceType<typeof TextDecoder> | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined; // unknown label: fall through to the next source
  }
}

/**
 * Decodes a document. `declared` is the charset from the HTTP header, if any; `kind` enables in-document
 * sniffing. A BOM wins over everything (as in browsers); a declared label that TextDecoder does not know is ignored.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string, kind: 'html' | 'xml' | 'text' = 'text'): Decoded {
  const bom = bomCharset(bytes);
  const sniffed = kind === 'html' ? sniffHtmlCharset(bytes) : kind === 'xml' ? sniffXmlCharset(bytes) : undefined;
  let warning: string | undefined;
  for (const label of [bom, declared, sniffed]) {
    const dec = decoderFor(label);
    if (!dec) continue;
    // A page can't really be UTF-16 when it declared so in ASCII inside itself; browsers treat that as UTF-8.
    const encoding = label === sniffed && dec.encoding.startsWith('utf-16') ? 'utf-8' : dec.encoding;
    const text = decodeWith(encoding, bytes);
    // A server's header is sometimes wrong (utf-16le on an ASCII page gives CJK soup): sniff instead, and say so.
    if (label === declared && label !== bom && misfits(bytes, encoding, text)) {
      warning = `the declared charset ${label} does not fit the page's bytes; decoded by sniffing instead`;
      continue;
    }
    return { text, charset: encoding, ...(warning ? { warning } : {}) };
  }
  const fallback = sniffFallback(bytes);
  return warning ? { ...fallback, warning } : fallback;
}

/** True when text decoded with `encoding` is evidently not what the bytes say. */
export function misfits(bytes: Uint8Array, encoding: string, text: string): boolean {
  if (encoding.startsWith('utf-16')) {
    // Real UTF-16 text in Latin script is full of NUL bytes; without any, the bytes are an 8-bit encoding.
    const n = Math.min(bytes.length, 4096);
    let nul = 0;
    for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
    if (n >= 16 && nul === 0) return true;
  }
  const sample = text.slice(0, 20_000);
  if (sample.length < 16) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  return bad / sample.length > 0.1;
}

function sniffFallback(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: decodeCp1252(bytes), charset: 'windows-1252' };
  }
}

/** True when the start of the data looks binary: NUL bytes in the first KB of something that is not UTF-16. */
export function looksBinary(bytes: Uint8Array, declaredCharset?: string): boolean {
  const bom = bomCharset(bytes);
  if (bom?.startsWith('utf-16') || declaredCharset?.toLowerCase().startsWith('utf-16')) return false;
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
