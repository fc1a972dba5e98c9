// The title read apart from the text gives what reading them joined by a line break gives, offsets and all.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EntityLexicon } from '../../../src/engine/attack/entities';
import { splitSentencesAfter } from '../../../src/engine/text/sentences';

const lex = new EntityLexicon({
  groups: [{ name: 'APT29', aliases: ['Cozy Bear', 'The Dukes'] }, { name: 'Lazarus Group', aliases: ['Hidden Cobra'] }],
  software: [{ name: 'Emotet', aliases: ['Geodo'], kind: 'malware' }, { name: 'Cobalt Strike', aliases: [], kind: 'malware' }, { name: 'PsExec', aliases: [], kind: 'tool' }],
});
const piece = fc.constantFrom('Emotet', 'Cozy Bear', 'APT29', 'APT 28', 'TA505', 'Cobalt Strike', 'Lazarus Group', 'Hidden Cobra', ' ransomware', ' Ransomware', 'the ',
  'Foo ', 'Bar', ' dubbed ', 'a loader called ', 'threat actor ', 'not ', 'likely ', '. ', '\n', ' ', 'We call it ', 'Geodo-Loader', 'X', 'RAT');
const part = fc.array(piece, { maxLength: 14 }).map((a) => a.join(''));

describe('entities after a title', () => {
  it('equals finding them in the title and text joined by a line break', () => {
    fc.assert(fc.property(part, part, (title, text) => {
      const joined = `${title}\n${text}`;
      assert.deepEqual(lex.findAfterTitle(title, text, splitSentencesAfter(title, text)), lex.find(joined));
    }), { numRuns: 1500 });
  });
});
