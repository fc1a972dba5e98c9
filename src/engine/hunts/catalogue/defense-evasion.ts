// Defence evasion: log clearing, tampering, masquerading.
import type { CatalogueHunt } from '../types';

export function defenseEvasionHunts(): CatalogueHunt[] {
  return [];
}
