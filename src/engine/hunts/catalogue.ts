// The behaviour-hunt catalogue: one definition per hunt, in catalogue/<family>.ts, built on first use (the CLI and the
// extension pay nothing for it until a briefing or a hover needs it).
import type { CatalogueHunt } from './types';
import { initialAccessHunts } from './catalogue/initial-access';
import { executionHunts } from './catalogue/execution';
import { persistenceHunts } from './catalogue/persistence';
import { defenseEvasionHunts } from './catalogue/defense-evasion';
import { credentialAccessHunts } from './catalogue/credential-access';
import { lateralMovementHunts } from './catalogue/lateral-movement';
import { commandAndControlHunts } from './catalogue/command-and-control';
import { exfiltrationImpactHunts } from './catalogue/exfiltration-impact';
import { cloudIdentityHunts } from './catalogue/cloud-identity';

let built: readonly CatalogueHunt[] | undefined;
let byId: Map<string, CatalogueHunt> | undefined;

export function catalogue(): readonly CatalogueHunt[] {
  built ??= Object.freeze([
    ...initialAccessHunts(),
    ...executionHunts(),
    ...persistenceHunts(),
    ...defenseEvasionHunts(),
    ...credentialAccessHunts(),
    ...lateralMovementHunts(),
    ...commandAndControlHunts(),
    ...exfiltrationImpactHunts(),
    ...cloudIdentityHunts(),
  ]);
  return built;
}

export function catalogueHunt(id: string): CatalogueHunt | undefined {
  byId ??= new Map(catalogue().map((h) => [h.id, h]));
  return byId.get(id.toUpperCase());
}
