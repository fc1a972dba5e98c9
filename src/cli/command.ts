// What a CLI subcommand looks like. Each lives in its own file under commands/ and is listed in registry.ts.
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Reads standard input completely (for `-`). */
  readStdin: () => Promise<string>;
}

export interface Command {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Full usage text for `threat-briefings <name> --help`. */
  usage: string;
  /** Returns the process exit code. */
  run: (argv: string[], io: CliIo) => Promise<number>;
}

/** An error whose message is meant for the user as is (no stack trace). */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}
