// Initial access and delivery: phishing, lures, exploitation of public-facing apps, web shells, supply chain.
import type { CatalogueHunt } from '../types';

export function initialAccessHunts(): CatalogueHunt[] {
  return [];
}
