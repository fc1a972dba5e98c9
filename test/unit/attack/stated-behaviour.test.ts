// Behaviour stated in plain CTI prose (not printed IDs or official names) is a finding at the default confidence.
import { strict as assert } from 'node:assert';
import { AttackIndex } from '../../../src/engine/attack/lookup';
import { inferTechniques } from '../../../src/engine/attack/infer';
import { beforeRealIndex } from './helpers';

const THREAT = 'The threat actor deployed malware with a malicious payload to victims in this campaign. ';
const found = (text: string, idx: AttackIndex) => inferTechniques(THREAT + text, idx).map((t) => t.id);

const STATED: Array<[string[], string]> = [
  [['T1566.001'], 'Operators mailed spear-phishing messages; the spearphishing e-mails came with tax-themed attachments.'],
  [['T1566.001'], 'The group relied on emails with weaponized RAR attachments.'],
  [['T1566.001'], 'Each lure email carried a shipping-themed attachment.'],
  [['T1566.002'], 'The malspam emails contained a URL to a counterfeit portal.'],
  [['T1566.002'], 'Recipients clicked links embedded in the phishing e-mails.'],
  [['T1027'], 'The dropper keeps its C2 address as an XOR-encoded string.'],
  [['T1027'], 'All strings in the loader are RC4-encrypted.'],
  [['T1027'], 'The shellcode is obfuscated with a rolling XOR key.'],
  [['T1027', 'T1140'], 'The implant decrypts its XOR-encrypted strings at runtime.'],
  [['T1140'], 'The stager decodes the next module in memory before execution.'],
  [['T1071.001'], 'The trojan talks to its C2 server over HTTPS.'],
  [['T1071.001'], 'The backdoor relies on HTTPS for command-and-control.'],
  [['T1071.001'], 'This variant switched to HTTP-based C2.'],
  [['T1041', 'T1560'], 'Harvested documents are zipped into a single ZIP archive and exfiltrated through the C2 channel.'],
  [['T1041', 'T1560.001'], 'The operators packed the stolen files with 7-Zip and exfiltrated them over the command-and-control channel.'],
  [['T1082'], 'Once running, the backdoor gathers the hostname and OS version.'],
  [['T1057'], 'The RAT enumerates all running processes.'],
  [['T1070.004'], 'Once the implant runs, the dropped executable is subsequently deleted.'],
  [['T1070.004'], 'The stager removes itself from disk.'],
  [['T1059.003'], 'After the download, the second stage was launched by cmd.exe.'],
  [['T1059.003'], 'When clicked, the shortcut file executes a CMD file stored next to it.'],
  [['T1082', 'T1057'], 'Once installed, the implant performs system and process enumeration.'],
  [['T1082'], 'The operators conducted basic host enumeration before moving on.'],
  [['T1057'], 'The stealer retrieves a list of processes.'],
  [['T1083'], 'The wiper walks the file system and lists directories.'],
  [['T1016'], 'The bot collects the local IP address and the MAC address.'],
  [['T1033'], 'The malware sends the current user name to its C2.'],
  [['T1518.001'], 'The loader checks for EDR agents before unpacking.'],
  [['T1518'], 'The stealer enumerates installed programs.'],
  [['T1113'], 'The spyware grabs screenshots every minute.'],
  [['T1056.001'], 'The RAT includes a keylogger.'],
  [['T1105'], 'The implant can download and execute additional payloads.'],
];

describe('attack: stated behaviour', () => {
  let idx: AttackIndex;
  beforeRealIndex((i) => (idx = i));

  it('infers each stated behaviour at the default (medium) confidence', () => {
    const misses = STATED.filter(([want, s]) => !want.every((w) => found(s, idx).includes(w))).map(([w, s]) => `${w.join('+')}: ${s}`);
    assert.deepEqual(misses, []);
  });

  it('lets one sentence evidence several techniques', () => {
    const s = 'The backdoor decrypts its RC4-encrypted configuration in memory, takes screenshots and logs keystrokes, then talks to its C2 over HTTPS.';
    const hits = inferTechniques(THREAT + s, idx);
    for (const id of ['T1027', 'T1140', 'T1113', 'T1056.001', 'T1071.001']) {
      const h = hits.find((t) => t.id === id);
      assert.ok(h, id);
      assert.ok(h.evidence.some((e) => e.startsWith('The backdoor decrypts')), id);
    }
  });

  it('stays quiet on defender advice, negation and ordinary admin prose', () => {
    for (const s of ['Defenders should monitor for XOR-encoded payloads.', 'We recommend blocking emails with malicious attachments.',
      'Analysts should look for HTTPS C2 beacons.', 'The sample does not decrypt its strings at runtime.',
      'Administrators can list running processes with Task Manager.', 'Administrators run system enumeration scripts during audits.', 'Open the command prompt and run the installer.', 'The XOR operator returns true when exactly one input is true.']) {
      assert.deepEqual(inferTechniques(THREAT + 'Figure 2 shows the timeline. ' + s, idx).map((t) => t.id), [], s);
    }
  });
});
