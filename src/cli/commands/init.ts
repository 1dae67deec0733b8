// `steplab init [DIR]`: scaffold a course of one's own (a working lesson with a challenge, a README, a CI workflow).

import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { SteplabError, usageError } from '../../errors.ts';
import type { Io } from '../io.ts';

const TEMPLATE = new URL('../../init/template/', import.meta.url);

/** What the scaffold holds: a template file (under src/init/template/) and where it goes in the new course. */
const FILES = [
  { template: 'lessons/01-first-namespace.md', to: 'lessons/01-first-namespace.md' },
  { template: 'README.md', to: 'README.md' },
  { template: 'github-workflow.yml', to: '.github/workflows/steplab.yml' },
] as const;

/** The version of this steplab, which the README and the workflow install. */
async function ownVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Whether a path exists. */
const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Scaffold the course in DIR (default: here); never overwrites a file. Returns the exit code. */
export async function initCommand(positionals: readonly string[], io: Io): Promise<number> {
  if (positionals.length > 1) throw usageError(`init takes one folder, not ${positionals.length}`, 'Example: steplab init my-course');
  const dir = positionals[0] ?? '.';
  const taken = [];
  for (const file of FILES) if (await exists(join(dir, file.to))) taken.push(join(dir, file.to));
  if (taken.length > 0) {
    throw new SteplabError('USAGE', `${taken.join(', ')} already exist${taken.length === 1 ? 's' : ''}; steplab init never overwrites a file`, 'Pick a new or empty folder: steplab init my-course');
  }
  const version = await ownVersion();
  for (const file of FILES) {
    const text = (await readFile(new URL(file.template, TEMPLATE), 'utf8')).replaceAll('@@STEPLAB_VERSION@@', version);
    const to = join(dir, file.to);
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, text, { flag: 'wx' });
    io.stdout.write(`created ${to}\n`);
  }
  const cd = relative('.', dir) === '' ? '' : `  cd ${dir}\n`;
  io.stdout.write(`\nA course with one lesson. Next:\n${cd}  steplab lint && steplab verify   # check it, then run it unattended\n  steplab                          # take it step by step\n`);
  return 0;
}
