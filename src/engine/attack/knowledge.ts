// Adapts the loaded MITRE ATT&CK® index to what the briefing pipeline needs (see AttackKnowledge).
import { AttackIndex } from './lookup';
import { computePhases, inferTechniques } from './infer';
import { EntityLexicon } from './entities';
import type { AttackKnowledge } from '../model';
import { splitSentencesAfter } from '../text/sentences';

const lexicons = new WeakMap<AttackIndex, EntityLexicon>();

export function attackKnowledge(index: AttackIndex): AttackKnowledge {
  return {
    version: index.attackVersion,
    inferTechniques: (text) => inferTechniques(text, index),
    computePhases: (techniques, text) => computePhases(techniques, text, index),
    entities: (text, title) => {
      let lex = lexicons.get(index);
      if (!lex) {
        lex = new EntityLexicon({ groups: index.data.groups, software: index.data.software });
        lexicons.set(index, lex);
      }
      // The title is read as the text's first line, without joining the two; the text's sentences (already split by
      // inference) are reused.
      return title === undefined ? lex.find(text) : lex.findAfterTitle(title, text, splitSentencesAfter(title, text));
    },
  };
}
