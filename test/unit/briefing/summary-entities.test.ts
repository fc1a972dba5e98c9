import { strict as assert } from 'node:assert';
import { summarise } from '../../../src/engine/briefing/summary';
import { EntityLexicon } from '../../../src/engine/attack/entities';

describe('summary', () => {
  it('takes lead prose sentences and skips headings, lists, tables and hash dumps', () => {
    const text = [
      'Indicators of Compromise',
      '- evil[.]com',
      'SHA256 | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'The actor sent phishing emails with ISO attachments to finance staff in three countries.',
      'Victims who opened the attachment ran a loader that contacted its command and control server.',
    ].join('\n');
    const s = summarise(text);
    assert.ok(s.startsWith('The actor sent phishing emails'));
    assert.ok(s.includes('Victims who opened'));
    assert.ok(!s.includes('evil'));
  });

  it('says so when there is no narrative', () => {
    assert.match(summarise('a | b\n- x'), /no narrative/);
  });
});

describe('entities', () => {
  const lex = new EntityLexicon({
    groups: [{ name: 'APT29', aliases: ['Cozy Bear', 'NOBELIUM'] }, { name: 'Wizard Spider', aliases: ['UNC1878'] }],
    software: [{ name: 'Prestige', aliases: [], kind: 'malware' }, { name: 'PsExec', aliases: [], kind: 'tool' }, { name: 'Cobalt Strike', aliases: [], kind: 'malware' }],
  });

  it('finds actors by alias and malware by case-sensitive whole words', () => {
    const r = lex.find('Cozy Bear deployed Cobalt Strike and Prestige; the prestige of the firm and PsExec were not involved. UNC1878 too.');
    assert.deepEqual(r.actors, ['APT29', 'Wizard Spider']);
    assert.deepEqual(r.malware, ['Cobalt Strike', 'Prestige']);
  });

  it('recognises vendor actor naming schemes not in ATT&CK', () => {
    assert.deepEqual(lex.find('Activity by TA4557 and Storm-0558 resembles APT 29.').actors, ['TA4557', 'Storm-0558', 'APT29']);
    assert.deepEqual(lex.find('A laptop was stolen.').actors, []);
  });
});

describe('entities: hyphenated and multi-word names', () => {
  it('finds a hyphenated malware name and a name after a hyphenated word', () => {
    const lex = new EntityLexicon({ groups: [], software: [{ name: 'Bad-Rabbit', aliases: ['Olympic Destroyer'], kind: 'malware' }] });
    assert.deepEqual(lex.find('The Bad-Rabbit sample and a well-known Olympic Destroyer variant.').malware, ['Bad-Rabbit']);
  });
});

describe('summary: headings and title', () => {
  it('skips the title and heading lines', () => {
    const s = summarise('Operation Lantern: invoice lures deliver the LanternLoader backdoor\nInitial access and the first stage of the intrusion chain\nThe actor sends invoice lures to finance teams in logistics companies every week.', 'Operation Lantern: invoice lures deliver the LanternLoader backdoor');
    assert.equal(s, 'The actor sends invoice lures to finance teams in logistics companies every week.');
  });
});
