// The type of each IOC value a hunt carries: from the briefing's own IOC list, else recognised from its shape.
import type { Briefing, Hunt, Ioc, IocType } from '../model';

function guessType(v: string): IocType | undefined {
  if (/^[a-f0-9]{32}$/i.test(v)) return 'md5';
  if (/^[a-f0-9]{40}$/i.test(v)) return 'sha1';
  if (/^[a-f0-9]{64}$/i.test(v)) return 'sha256';
  if (/^[a-f0-9]{128}$/i.test(v)) return 'sha512';
  if (/^CVE-\d{4}-\d{4,}$/i.test(v)) return 'cve';
  if (/^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?$/.test(v)) return 'ipv4';
  if (/^[0-9a-f:]+(?:\/\d{1,3})?$/i.test(v) && v.includes(':') && v.split(':').length > 2) return 'ipv6';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return 'url';
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return 'email';
  if (/^(?:HK(?:LM|CU|U|CR|CC)|HKEY_[A-Z_]+)\\/i.test(v)) return 'registry_key';
  if (/^(?:[a-z]:\\|\\\\|%\w+%\\|\/)/i.test(v)) return 'file_path';
  if (/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i.test(v)) return 'domain';
  return undefined;
}

export interface TypedIoc {
  type: IocType;
  value: string;
  ioc?: Ioc;
}

/** The hunt's IOCs with their types (briefing IOCs first; a value the briefing does not list is typed by its shape). */
export function huntIocs(hunt: Hunt, briefing: Briefing): TypedIoc[] {
  const byValue = new Map(briefing.iocs.map((i) => [i.value, i] as const));
  const out: TypedIoc[] = [];
  const seen = new Set<string>();
  for (const value of hunt.iocs ?? []) {
    if (seen.has(value)) continue;
    seen.add(value);
    const ioc = byValue.get(value);
    const type = ioc?.type ?? guessType(value);
    if (type) out.push({ type, value, ...(ioc ? { ioc } : {}) });
  }
  return out;
}
