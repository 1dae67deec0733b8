// Command-line options, parsed with node:util's parseArgs; a bad flag is a usage error, not a stack trace.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from '../errors.ts';
import { closest } from '../util/did-you-mean.ts';

export const OPTIONS = {
  target: { type: 'string', short: 't' },
  jobs: { type: 'string', short: 'j' },
  reporter: { type: 'string', short: 'r' },
  output: { type: 'string', short: 'o' },
  step: { type: 'string' },
  format: { type: 'string', short: 'f' },
  course: { type: 'string', short: 'c' },
  shard: { type: 'string' },
  'start-over': { type: 'boolean' },
  'no-changes': { type: 'boolean' },
  against: { type: 'string' },
  engine: { type: 'string' },
  'keep-going': { type: 'boolean' },
  room: { type: 'string' },
  code: { type: 'string' },
  name: { type: 'string' },
  listen: { type: 'string' },
  token: { type: 'string' },
  data: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

export type Options = ReturnType<typeof parse>['values'];

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
}

/** Split argv into the command, its positionals and the options. */
export function parseCommandLine(argv: readonly string[]): { command: string | undefined; positionals: string[]; options: Options } {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw usageError(argumentProblem(error as Error & { code?: string }), 'Run `steplab --help` for the commands and their options.');
  }
  const [command, ...positionals] = parsed.positionals;
  return { command, positionals, options: parsed.values };
}

/** What parseArgs refused, in steplab's words: an unknown option names the nearest known one. */
function argumentProblem(error: Error & { code?: string }): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /Unknown option '(-{1,2}[^']*)'/.exec(error.message)?.[1] : undefined;
  if (unknown === undefined) return error.message.split('\n')[0] ?? 'bad arguments';
  const guess = closest(unknown.replace(/^-+/, ''), Object.keys(OPTIONS));
  return `unknown option ${unknown}${guess === undefined ? '' : ` (did you mean --${guess}?)`}`;
}

/** A whole number option within a range. */
export function intOption(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw usageError(`--${name} takes a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}
