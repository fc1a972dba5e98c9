import { Command, UsageError } from '../command';

/** A subcommand named in the CLI contract whose implementation has not landed yet: it says so and fails. */
export function notImplemented(name: string, summary: string, usage: string): Command {
  return {
    name,
    summary,
    usage,
    run: async () => {
      throw new UsageError(`threat-briefings ${name}: not implemented yet in this version.`, 3);
    },
  };
}
