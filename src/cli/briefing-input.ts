// Reading briefing JSON files and the MITRE ATT&CK® tactic source for the export and coverage commands.
import { readFileSync } from 'node:fs';
import { UsageError } from './command';
import { BriefingFileError, parseBriefing } from '../engine/exports/briefing-file';
import type { TacticSource } from '../engine/exports/types';
import { loadAttackIndex } from '../engine/attack/lookup';
import type { Briefing } from '../engine/model';

/** A briefing file, or a one-line error naming the file and the problem (exit code 1). */
export function readBriefingFile(cmd: string, file: string): Briefing {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`threat-briefings ${cmd}: cannot read ${file}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`, 1);
  }
  try {
    return parseBriefing(text, file);
  } catch (e) {
    if (e instanceof BriefingFileError) throw new UsageError(`threat-briefings ${cmd}: ${e.message}`, 1);
    throw e;
  }
}

/**
 * Tactics for techniques the briefing lists without them, from the loaded index. Loaded on first use only, and
 * optional: without ATT&CK data an export still has the briefing's own tactics.
 */
export function lazyTactics(indexFile: string | undefined, warn: (s: string) => void): TacticSource {
  let lookup: ((id: string) => string[]) | undefined;
  return {
    tacticsOf(id) {
      if (!lookup) {
        try {
          const index = loadAttackIndex(indexFile);
          lookup = (t) => index.technique(t)?.tactics ?? [];
        } catch (e) {
          if (indexFile) throw new UsageError(`cannot load MITRE ATT&CK® data: ${(e as Error).message}`, 1);
          warn(`warning: ${(e as Error).message} Tactic tags come from the briefing only.`);
          lookup = () => [];
        }
      }
      return lookup(id);
    },
  };
}
