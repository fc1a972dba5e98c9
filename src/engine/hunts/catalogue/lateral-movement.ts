// Discovery and lateral movement: remote services, PsExec, WMI/WinRM, RDP, RMM tools.
import type { CatalogueHunt } from '../types';

export function lateralMovementHunts(): CatalogueHunt[] {
  return [];
}
