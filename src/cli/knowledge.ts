// Loads the MITRE ATT&CK® knowledge for CLI commands: --attack FILE (index or STIX bundle), else the built index.
import { CliIo } from './command';
import { loadAttackIndex } from '../engine/attack/lookup';
import { benchAttack } from '../engine/attack/bench';
import type { AttackKnowledge } from '../engine/model';
import { attackKnowledge } from '../engine/attack/knowledge';

/** Without ATT&CK data the briefing still has IOCs and severity; techniques are then left out, with a warning. */
export function loadKnowledgeForCli(file: string | undefined, io: CliIo): AttackKnowledge | undefined {
  try {
    return attackKnowledge(loadAttackIndex(file));
  } catch (e) {
    if (file) throw e;
    io.err(`warning: ${(e as Error).message} Techniques and kill-chain phases are left out.`);
    return undefined;
  }
}

export function benchAttackForCli() {
  try {
    return benchAttack();
  } catch {
    return undefined;
  }
}
