// Cryptocurrency wallet checks: Bitcoin addresses carry checksums, so a random base58/bech32 string is rejected.
import { createHash } from 'node:crypto';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const B58_MAP = new Map([...B58].map((c, i) => [c, i] as const));

function sha256(b: Uint8Array): Buffer {
  return createHash('sha256').update(b).digest();
}

/** Base58Check (legacy P2PKH/P2SH Bitcoin addresses, version byte 0x00 or 0x05). */
export function isBase58CheckBtc(s: string): boolean {
  if (s.length < 26 || s.length > 35) return false;
  let n = 0n;
  for (const c of s) {
    const v = B58_MAP.get(c);
    if (v === undefined) return false;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.unshift(0);
  if (bytes.length !== 25) return false;
  if (bytes[0] !== 0x00 && bytes[0] !== 0x05) return false;
  const payload = Uint8Array.from(bytes.slice(0, 21));
  const check = sha256(sha256(payload));
  for (let i = 0; i < 4; i++) if (check[i] !== bytes[21 + i]) return false;
  return true;
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}

/** Bech32 / Bech32m segwit address with the `bc` prefix. */
export function isBech32Btc(s: string): boolean {
  const lower = s.toLowerCase();
  if (lower !== s && s.toUpperCase() !== s) return false;
  if (!lower.startsWith('bc1') || lower.length < 14 || lower.length > 74) return false;
  const data: number[] = [];
  for (const c of lower.slice(3)) {
    const v = BECH32.indexOf(c);
    if (v < 0) return false;
    data.push(v);
  }
  const hrp = [3, 3, 0, 2, 3]; // expanded "bc"
  const pm = polymod([...hrp, ...data]);
  return pm === 1 || pm === 0x2bc830a3;
}
