// Defanged display forms: safe to paste into chat or a ticket without becoming a live link.
import type { IocType } from '../briefing/model';

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
      const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(value);
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
