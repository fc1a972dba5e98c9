// Deterministic UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name). Exported rules keep the same ID every
// time the same hunt of the same briefing is exported, so a re-export updates a rule instead of adding a twin.
import { createHash } from 'node:crypto';

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

function bytesOf(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50; // version 5
  b[8] = (b[8] & 0x3f) | 0x80; // RFC variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The namespace of every ID this product derives: itself a v5 UUID of the product's name in the URL namespace. */
export const EXPORT_NAMESPACE = uuidV5('threat-briefings:exports', URL_NAMESPACE);

/** The ID of one exported object: the same parts always give the same UUID. */
export function stableUuid(...parts: string[]): string {
  return uuidV5(parts.join('\u0000'), EXPORT_NAMESPACE);
}
