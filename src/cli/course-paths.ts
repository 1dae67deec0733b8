// The lesson paths a command works on: those named (shipped-course names resolved), else ./lessons,
// else the course that ships with steplab, so `steplab` in any folder has something to offer.

import { stat } from 'node:fs/promises';
import { SHIPPED_COURSE, SHIPPED_COURSE_DIR, resolveLessonPath } from '../course/shipped-course.ts';
import type { Io } from './io.ts';

/** The folder a command uses when no lesson is named: ./lessons when there is one, else the shipped course (said on stderr). */
export async function defaultCoursePath(io: Pick<Io, 'stderr'>, shippedDir: string = SHIPPED_COURSE_DIR): Promise<string> {
  const here = await stat('lessons').then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (here) return 'lessons';
  io.stderr.write(
    `No lessons/ folder here: using the course that ships with steplab (${SHIPPED_COURSE}, in ${shippedDir}).\n` +
      `Name one of its lessons as ${SHIPPED_COURSE}/07; start a course of your own with \`steplab init DIR\`.\n`,
  );
  return shippedDir;
}

/** The named paths with shipped-course names resolved, or the default course when none is named. */
export async function coursePaths(named: readonly (string | undefined)[], io: Pick<Io, 'stderr'>, shippedDir?: string): Promise<string[]> {
  const given = named.filter((path): path is string => path !== undefined);
  if (given.length === 0) return [await defaultCoursePath(io, shippedDir)];
  return Promise.all(given.map((path) => resolveLessonPath(path, shippedDir)));
}
