import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with user-facing errors instead of stack traces. */
export function parse<O extends Options>(name: string, argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`threat-briefings ${name}: ${(e as Error).message}\nUsage: ${usage}`);
  }
}

export function checkDate(name: string, flag: string, v: string | undefined): string | undefined {
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`threat-briefings ${name}: ${flag} must be YYYY-MM-DD, got '${v}'`);
  return v;
}

export function positiveNumber(name: string, flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`threat-briefings ${name}: ${flag} must be a positive number, got '${v}'`);
  return n;
}

/** --timeout SECONDS and --max-bytes N, shared by the commands that fetch. */
export function fetchOptions(name: string, values: { timeout?: string; 'max-bytes'?: string }): { timeoutMs?: number; maxBytes?: number } {
  const timeout = positiveNumber(name, '--timeout', values.timeout);
  return { timeoutMs: timeout ? timeout * 1000 : undefined, maxBytes: positiveNumber(name, '--max-bytes', values['max-bytes']) };
}
