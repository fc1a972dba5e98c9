// Defanged display forms: safe to paste into chat or a ticket without becoming a live link. The reverse direction
// (reading defanged text) is ./refang.ts.
import type { IocType } from '../model';

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

const URL_IN_TEXT = /\b(?:https?|ftp):\/\/[^\s<>"'`)\]]+/gi;

/** Defangs URLs inside free text, in the same display form as URL IOCs. */
export function defangUrlsInText(s: string): string {
  return s.replace(URL_IN_TEXT, (u) => displayOf('url', u));
}
