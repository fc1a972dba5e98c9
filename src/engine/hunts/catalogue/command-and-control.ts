// Command and control: beaconing, DNS tunnelling, DGA and newly seen domains.
import type { CatalogueHunt } from '../types';

export function commandAndControlHunts(): CatalogueHunt[] {
  return [];
}
