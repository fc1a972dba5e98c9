// Collection, exfiltration and impact: staging, cloud storage, mass encryption, recovery inhibition.
import type { CatalogueHunt } from '../types';

export function exfiltrationImpactHunts(): CatalogueHunt[] {
  return [];
}
