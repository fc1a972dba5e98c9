// Which IP addresses a fetch must not reach unless the user allows it: loopback, private, link-local, multicast
// and reserved ranges, IPv4 and IPv6 (incl. IPv4-mapped and other IPv6 forms that embed an IPv4 address).
import { isIP } from 'node:net';

export type AddressKind = 'loopback' | 'private' | 'link-local' | 'multicast' | 'reserved';

type V4Range = [number, number, AddressKind]; // network as a 32-bit number, prefix length

const V4: Array<[string, number, AddressKind]> = [
  ['0.0.0.0', 8, 'reserved'], // "this network", incl. 0.0.0.0 (reaches the local host on Linux)
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // incl. 169.254.169.254, the cloud metadata service
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // incl. 255.255.255.255
];

function v4Number(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

const V4_RANGES: V4Range[] = V4.map(([net, len, kind]) => [v4Number(net), len, kind]);

function v4Kind(ip: string): AddressKind | undefined {
  const n = v4Number(ip);
  for (const [net, len, kind] of V4_RANGES) {
    const size = 2 ** (32 - len);
    if (n >= net && n < net + size) return kind;
  }
  return undefined;
}

/** Eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part becomes two groups). */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4Number(dotted[1]);
    s = s.slice(0, dotted.index) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g || '0', 16));
}

function embeddedV4(g: number[]): string {
  return [g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff].join('.');
}

function v6Kind(ip: string): AddressKind | undefined {
  const g = v6Groups(ip);
  const zeroUntil = (k: number): boolean => g.slice(0, k).every((x) => x === 0);
  if (zeroUntil(7) && g[7] === 1) return 'loopback';
  if (zeroUntil(8)) return 'reserved'; // ::
  if (zeroUntil(5) && g[5] === 0xffff) return v4Kind(embeddedV4(g)) ?? undefined; // IPv4-mapped ::ffff:a.b.c.d
  if (zeroUntil(6)) return 'reserved'; // IPv4-compatible ::a.b.c.d (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Kind(embeddedV4(g)); // NAT64
  if (g[0] === 0x2002) return v4Kind([g[1] >> 8, g[1] & 0xff, g[2] >> 8, g[2] & 0xff].join('.')); // 6to4
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 site-local (deprecated)
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if (g[0] === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return 'reserved'; // discard-only
  return undefined;
}

/** Why an address must not be fetched by default, or undefined for a public address. */
export function addressKind(ip: string): AddressKind | undefined {
  const v = isIP(ip.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  if (v === 4) return v4Kind(ip);
  if (v === 6) return v6Kind(ip.replace(/^\[|\]$/g, ''));
  return 'reserved'; // not an address at all: never connect to it
}
