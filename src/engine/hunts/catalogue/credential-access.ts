// Credential access: LSASS, Kerberoasting, AS-REP roasting, DCSync, browser credentials, wallets.
import type { CatalogueHunt } from '../types';

export function credentialAccessHunts(): CatalogueHunt[] {
  return [];
}
