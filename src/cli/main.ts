// The `threat-briefings` command: dispatches to one subcommand per file under commands/.
import { CliIo, UsageError } from './command';
import { COMMANDS } from './registry';
import { VERSION } from '../engine/version';

const io: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `threat-briefings ${VERSION} — turn security articles into threat briefings`,
    '',
    'Usage: threat-briefings <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --help, -h     show help (also after a command: threat-briefings generate --help)',
    '  --version, -v  show the version',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.out(help());
    return first ? 0 : 2;
  }
  if (first === '--version' || first === '-v') {
    io.out(VERSION);
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    io.err(`threat-briefings: unknown command '${first}'. Run 'threat-briefings --help' for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${cmd.summary}\n\nUsage: ${cmd.usage}`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return e.exitCode;
    }
    io.err(`threat-briefings ${cmd.name}: ${(e as Error).message ?? String(e)}`);
    return 1;
  }
}
