import { Command } from './command';
import { generateCommand } from './commands/generate';
import { feedCommand } from './commands/feed';
import { evalCommand } from './commands/eval';
import { benchCommand } from './commands/bench';
import { attackCommand } from './commands/attack';
import { exportCommand } from './commands/export';
import { coverageCommand } from './commands/coverage';
import { huntsCommand } from './commands/hunts';
import { layerCommand } from './commands/layer';

export const COMMANDS: Command[] = [
  generateCommand,
  feedCommand,
  evalCommand,
  benchCommand,
  attackCommand,
  huntsCommand,
  exportCommand,
  coverageCommand,
  layerCommand,
];
