// Options for exports from the editor: tactic names from the loaded MITRE ATT&CK® data (a catalogue hunt's briefing
// lists none), and a rule date — the briefing's published day, or today when it has none (a catalogue hunt) or
// when it lies in the future (contentctl refuses future dates; the CLI does the same).
import type { Briefing } from '../../engine/model';
import type { ExportOptions } from '../../engine/exports/types';
import { attackIndex } from '../attack/data';

export function exportOptions(briefing: Briefing, today = new Date().toISOString().slice(0, 10)): ExportOptions {
  const published = briefing.published?.slice(0, 10);
  return {
    tactics: { tacticsOf: (id) => attackIndex()?.technique(id)?.tactics ?? [] },
    // A month-only date (YYYY-MM) is no rule date: the rule is dated today.
    ...(!published || !/^\d{4}-\d{2}-\d{2}$/.test(published) || published > today ? { date: today } : {}),
  };
}
