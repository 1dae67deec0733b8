// The command line: what parseArgs refuses comes back as a usage error in steplab's words.

import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/cli/args.ts';
import { SteplabError } from '../../../src/errors.ts';

/** The usage error parseCommandLine throws for argv. */
function refusal(argv: string[]): SteplabError {
  try {
    parseCommandLine(argv);
  } catch (error) {
    if (error instanceof SteplabError) return error;
    throw error;
  }
  throw new Error(`parseCommandLine accepted ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('names an unknown option and the nearest known one, with where to look', () => {
    expect(refusal(['verify', '--job', '2']).message).toBe('unknown option --job (did you mean --jobs?)');
    expect(refusal(['verify', '--tail']).message).toBe('unknown option --tail');
    expect(refusal(['verify', '--tail']).hint).toBe('Run `steplab --help` for the commands and their options.');
  });

  it('keeps parseArgs` own first line for other refusals', () => {
    expect(refusal(['verify', '--target']).message).toMatch(/argument missing/);
  });

  it('splits the command, its positionals and the options', () => {
    expect(parseCommandLine(['verify', 'lessons', '--jobs', '2'])).toMatchObject({ command: 'verify', positionals: ['lessons'], options: { jobs: '2' } });
  });
});
