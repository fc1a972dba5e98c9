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

  it('leaves out programme notes, marketing, calls to action, advice and links', () => {
    const text = [
      'Note: This joint advisory is part of an ongoing #StayAhead effort to publish guidance for network defenders.',
      'Attackers never sleep, and neither do our 24/7 SOCs staffed with elite hunters for our customers.',
      'Subscribe to our newsletter to get the latest research in your inbox every week.',
      'Patch internet-facing servers and review remote access logs for unusual logons.',
      'See the [full write-up](https://blog.example/post) for the details of every stage.',
      'In March the operators breached a hosting provider through an unpatched VPN appliance.',
      'They deployed a new backdoor and stole customer records before encrypting the servers.',
    ].join('\n\n');
    const s = summarise(text);
    assert.ok(s.startsWith('In March the operators breached'), s);
    assert.ok(s.includes('They deployed a new backdoor'));
    assert.ok(!/#StayAhead|SOCs|newsletter|Patch internet|write-up|https?:/.test(s), s);
  });

  it('never makes a profile of one heading-like line when the article has prose; uses list prose in bulletins', () => {
    const text = 'Addresses from the configuration file used by the loader:\n\n- The loader was delivered in password-protected archives sent by email.\n' +
      '- Each archive contained a shortcut file that ran a PowerShell downloader.\n- 203.0.113.9:443\n';
    const s = summarise(text);
    assert.ok(!s.includes('Addresses from'), s);
    assert.ok(s.startsWith('The loader was delivered') && s.includes('Each archive contained'), s);
  });

  it('keeps the text of Markdown links and stops at four sentences', () => {
    const text = 'The group reused code from [an older family](/blog/older) in its new implant. '.repeat(1) +
      'The implant talks to its server every minute. It reads the clipboard of the victim. It captures screenshots every hour. It uploads documents to the server.';
    const s = summarise(text);
    assert.ok(s.startsWith('The group reused code from an older family in its new implant.'), s);
    assert.equal(s.split(/(?<=\.) /).length, 4);
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

describe('entities: what is and is not a name', () => {
  const lex = new EntityLexicon({
    groups: [{ name: 'Ocean Lotus', aliases: ['APT32'] }, { name: 'Sandworm Team', aliases: [] }],
    software: [
      { name: 'Carbon', aliases: [], kind: 'malware' }, { name: 'Milan', aliases: ['James'], kind: 'malware' },
      { name: 'Kevin', aliases: [], kind: 'malware' }, { name: 'Crimson', aliases: [], kind: 'malware' },
    ],
  });

  it('never lists ATT&CK tactic IDs as actors', () => {
    assert.deepEqual(lex.find('Tactic TA0002 Execution and TA0005 Defense Evasion were observed, as was TA2541.').actors, ['TA2541']);
  });

  it('ignores a one-word alias inside a longer proper noun (a product or a person) but keeps "<Name> RAT"', () => {
    const r = lex.find('The Carbon Black sensor flagged it. Thanks to James M Snell and Kevin Mitnick for the review. Crimson RAT was then staged.');
    assert.deepEqual(r.malware, ['Crimson']);
  });

  it('finds families and actors the article names itself, ATT&CK or not', () => {
    const r = lex.find('Quartzlock Ransomware hits hospitals\nThe Quartzlock ransomware encrypts shares. A backdoor dubbed PaperKite is dropped first. ' +
      'The threat actor Velvet Heron ran the operation. We have dubbed it FogSpinner in our analysis. A new Linux ransomware was seen too.');
    assert.deepEqual(r.malware, ['Quartzlock', 'PaperKite', 'FogSpinner']);
    assert.deepEqual(r.actors, ['Velvet Heron']);
  });

  it('keeps hedged and denied attribution out of the confident lists, with the sentence that says so', () => {
    const r = lex.find('We suspect Sandworm Team may have been involved. There is not substantial evidence linking the intrusion to APT32.');
    assert.deepEqual(r.actors, []);
    const byName = Object.fromEntries(r.mentions.map((m) => [m.name, m]));
    assert.equal(byName['Sandworm Team'].attribution, 'hedged');
    assert.notEqual(byName['Ocean Lotus'].attribution, 'stated');
    assert.match(byName['Ocean Lotus'].evidence, /not substantial evidence/);
    assert.deepEqual(lex.find('The intrusion was likely carried out by Sandworm Team.').actors, ['Sandworm Team'], 'estimative "likely" is an assessment');
  });

  it('does not read names out of a title written in capitals', () => {
    assert.deepEqual(lex.find('INVOICE EMAIL PUSHES NEW LOADER BACKDOOR\n').malware, []);
  });
});
