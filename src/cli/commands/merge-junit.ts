// `steplab merge-junit --output FILE REPORT…`: the JUnit files of a sharded verify as one report.

import { readFile } from 'node:fs/promises';
import { usageError } from '../../errors.ts';
import { writeFileAtomic } from '../../progress/atomic-write.ts';
import { mergeJunit } from '../../report/junit-merge.ts';
import type { Options } from '../args.ts';
import type { Io } from '../io.ts';

/** Merge the reports named into --output (or stdout); returns the exit code. */
export async function mergeJunitCommand(paths: readonly string[], options: Options, io: Io): Promise<number> {
  if (paths.length === 0) throw usageError('merge-junit needs the JUnit files to join', 'Example: steplab merge-junit --output junit.xml junit-1.xml junit-2.xml');
  const files = [];
  for (const file of paths) {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw usageError(`${file} cannot be read (${error.code ?? String(error)})`, 'Name the files `steplab verify --reporter junit --output FILE` wrote.');
    });
    files.push({ file, text });
  }
  const xml = mergeJunit(files);
  if (options.output === undefined) io.stdout.write(xml);
  else await writeFileAtomic(options.output, xml);
  return 0;
}
