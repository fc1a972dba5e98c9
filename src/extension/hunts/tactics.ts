// Tactic names for exports, from the loaded MITRE ATT&CK® data (a catalogue hunt's briefing lists none).
import type { TacticSource } from '../../engine/exports/types';
import { attackIndex } from '../attack/data';

export function tactics(): TacticSource {
  return { tacticsOf: (id) => attackIndex()?.technique(id)?.tactics ?? [] };
}
