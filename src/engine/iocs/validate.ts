// Validation of candidate values: public-suffix check for host names, IP ranges, hash shapes.
import { parse } from 'tldts';
import * as ipaddr from 'ipaddr.js';

export interface HostInfo {
  /** Lower-case host name. */
  host: string;
  /** Registrable domain under ICANN suffixes only (e.g. windows.net for x.blob.core.windows.net). */
  icannDomain: string;
  /** Registrable domain when private suffixes count too (x.blob.core.windows.net). */
  ownerDomain: string;
  /** True when the host sits under a private suffix (dynamic DNS, cloud buckets): user-controlled. */
  underPrivateSuffix: boolean;
  tld: string;
}

const LABEL_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// Onion names: v2 (16) and v3 (56) characters; printed ones are sometimes mistyped, so the charset is loose.
const ONION_RE = /^(?:[a-z0-9-]+\.)*[a-z0-9]{16}(?:[a-z0-9]{40})?\.onion$/;

const hostCache = new Map<string, HostInfo | null>();

/** Parse and validate a host name; null when it is not a real, registrable public name. */
export function hostInfo(hostIn: string): HostInfo | null {
  const host = hostIn.toLowerCase();
  const cached = hostCache.get(host);
  if (cached !== undefined) return cached;
  const info = computeHost(host);
  if (hostCache.size > 50_000) hostCache.clear(); // bound memory across many articles
  hostCache.set(host, info);
  return info;
}

function computeHost(host: string): HostInfo | null {
  if (host.length > 253 || host.length < 4) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  for (const l of labels) if (!LABEL_RE.test(l) && !(l.includes('_') && /^[a-z0-9_-]{1,63}$/.test(l))) return null;
  const tld = labels[labels.length - 1];
  if (/^\d+$/.test(tld)) return null;
  if (tld === 'onion') {
    if (!ONION_RE.test(host)) return null;
    return { host, icannDomain: host, ownerDomain: host, underPrivateSuffix: false, tld };
  }
  const pub = parse(host);
  if (!pub.isIcann || !pub.domain || !pub.publicSuffix) return null;
  const priv = parse(host, { allowPrivateDomains: true });
  const owner = priv.domain ?? pub.domain;
  return {
    host,
    icannDomain: pub.domain,
    ownerDomain: owner,
    underPrivateSuffix: priv.isPrivate === true && owner !== pub.domain && host !== priv.publicSuffix,
    tld,
  };
}

/** The registrable domain of a URL or host, for comparing with the publisher. */
export function registrableDomain(urlOrHost: string): string | undefined {
  const p = parse(urlOrHost, { allowPrivateDomains: true });
  return p.domain ?? undefined;
}

/** An article repeats its addresses, and parsing one builds several objects: the answer is kept per address. */
const ipv4Cache = new Map<string, boolean>();

/** Public, routable IPv4 (not private, reserved, documentation, loopback, multicast…). */
export function isPublicIpv4(ip: string): boolean {
  const cached = ipv4Cache.get(ip);
  if (cached !== undefined) return cached;
  const pub = ipaddr.IPv4.isValidFourPartDecimal(ip) && ipaddr.IPv4.parse(ip).range() === 'unicast';
  if (ipv4Cache.size > 50_000) ipv4Cache.clear(); // bound memory across many articles
  ipv4Cache.set(ip, pub);
  return pub;
}

/** Canonical form of a public global-unicast IPv6 address, or null. */
export function publicIpv6(s: string): string | null {
  if (!ipaddr.IPv6.isValid(s)) return null;
  const a = ipaddr.IPv6.parse(s);
  if (a.range() !== 'unicast') return null;
  // Global unicast is 2000::/3; anything else written in prose is code (std::x) or a time, not an address.
  const first = a.parts[0];
  if (first < 0x2000 || first > 0x3fff) return null;
  if (a.parts.filter((p) => p !== 0).length < 3) return null;
  return a.toString();
}

export type HashType = 'md5' | 'sha1' | 'sha256' | 'sha512';
export function hashTypeOf(len: number): HashType | null {
  switch (len) {
    case 32:
      return 'md5';
    case 40:
      return 'sha1';
    case 64:
      return 'sha256';
    case 128:
      return 'sha512';
    default:
      return null;
  }
}

// Hashes of empty input: printed in tutorials and tool output, never evidence of anything.
const EMPTY_HASHES = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
]);

/** Placeholder-looking hex: empty-input hashes, runs of one character, counting sequences. */
export function isExampleHash(h: string): boolean {
  if (EMPTY_HASHES.has(h)) return true;
  let mask = 0;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    mask |= 1 << (c <= 57 ? c - 48 : (c | 32) - 87);
  }
  let distinct = 0;
  for (; mask; mask &= mask - 1) distinct++;
  if (distinct <= 4) return true;
  if (/^(?:0123456789abcdef)+/.test(h) || /(?:deadbeef|cafebabe|abcdef01){2}/.test(h)) return true;
  return false;
}
