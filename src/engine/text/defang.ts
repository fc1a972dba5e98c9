// Defanged display forms: safe to paste into chat or a ticket without becoming a live link. The reverse direction
// (reading defanged text) is ./refang.ts.
import type { IocType } from '../model';
import { FILE_EXTS } from './file-extensions';

/** Defanged dot and at-sign forms that prose masking recognises inside a domain or address (see ./links.ts). */
export const DEFANGED_DOT = String.raw`\.|\[\.\]|\(\.\)`;
export const DEFANGED_AT = String.raw`@|\[@\]|\[at\]`;

function defangHost(h: string): string {
  return h.replace(/\./g, '[.]');
}

export function displayOf(type: IocType, value: string): string {
  switch (type) {
    case 'domain':
      return defangHost(value);
    case 'ipv4': {
      const i = value.lastIndexOf('.');
      return `${value.slice(0, i)}[.]${value.slice(i + 1)}`;
    }
    case 'ipv6':
      return value.replace(/:/g, '[:]');
    case 'email': {
      const at = value.lastIndexOf('@');
      return `${value.slice(0, at)}[@]${defangHost(value.slice(at + 1))}`;
    }
    case 'url': {
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)((?:[/?#].*)?)$/i.exec(value);
      if (!m) {
        const slash = value.indexOf('/');
        return slash < 0 ? defangHost(value) : defangHost(value.slice(0, slash)) + value.slice(slash);
      }
      const scheme = m[1].toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp');
      return `${scheme}[://]${defangHost(m[2])}${m[3]}`;
    }
    default:
      return value;
  }
}

// What Markdown renderers turn into links (VS Code's preview runs linkify): URLs with a scheme, www. URLs, and
// bare domain names (also inside e-mail addresses). A "domain" ending in a file extension is a file name
// (setup.py, node.js) and stays; a capitalised last label is a missing space between sentences ("end.The").
const LINK_IN_TEXT = /\b(?:https?|ftp):\/\/[^\s<>"'`)\]]+|\bwww\d?\.[^\s<>"'`)\]]+|(?<![\w./\\-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,24})(?![\w-]|\.[a-z0-9])/gi;

/** Defangs URLs and domain names inside free text, in the same display forms as URL and domain IOCs. */
export function defangUrlsInText(s: string): string {
  return s.replace(LINK_IN_TEXT, (m: string, tld: string | undefined) => {
    if (tld === undefined) return displayOf('url', m);
    if (FILE_EXTS.has(tld.toLowerCase()) || /^[A-Z][a-z]+$/.test(tld)) return m;
    return displayOf('domain', m);
  });
}
