// Persistence: scheduled tasks, Run keys, services, cron/systemd, browser extensions.
import type { CatalogueHunt } from '../types';

export function persistenceHunts(): CatalogueHunt[] {
  return [];
}
