import { Command } from './command';
import { notImplemented } from './commands/notImplemented';
import { generateCommand } from './commands/generate';
import { feedCommand } from './commands/feed';
import { evalCommand } from './commands/eval';
import { benchCommand } from './commands/bench';

export const COMMANDS: Command[] = [
  generateCommand,
  feedCommand,
  evalCommand,
  benchCommand,
  notImplemented('attack', 'MITRE ATT&CK® index: build-index, lookup', 'threat-briefings attack build-index [--stix FILE] [--out FILE]'),
];
