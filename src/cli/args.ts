import { parseArgs, ParseArgsConfig } from 'node:util';
import { UsageError } from './command';
import type { FetchOptions } from '../engine/article/fetch';

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

/** The parseArgs options of every command that fetches: --timeout SECONDS, --max-bytes N, --allow-private. */
export const FETCH_FLAGS = {
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  'allow-private': { type: 'boolean', default: false },
} as const;

export const FETCH_USAGE = '[--timeout SECONDS] [--max-bytes N] [--allow-private]';

/** Fetch options from those flags; warnings that do not stop a fetch go to `warn`. */
export function fetchOptions(
  name: string,
  values: { timeout?: string; 'max-bytes'?: string; 'allow-private'?: boolean },
  warn?: (message: string) => void,
): FetchOptions {
  const timeout = positiveNumber(name, '--timeout', values.timeout);
  return {
    timeoutMs: timeout ? timeout * 1000 : undefined,
    maxBytes: positiveNumber(name, '--max-bytes', values['max-bytes']),
    ...(values['allow-private'] ? { allowPrivate: true } : {}),
    ...(warn ? { onWarning: (m: string) => warn(`warning: ${m}`) } : {}),
  };
}
