// Cloud, SaaS and identity: token theft, OAuth consent, MFA fatigue, containers and Kubernetes.
import type { CatalogueHunt } from '../types';

export function cloudIdentityHunts(): CatalogueHunt[] {
  return [];
}
