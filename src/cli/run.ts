// Entry point of dist/cli.js: runs the CLI and sets the exit code.
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`threat-briefings: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
