// The course that ships inside steplab's package, and the names that reach it from any folder:
// `networking` is the whole course, `networking/07` (or `networking/07-bridge-mode`, `networking/bridge-mode`) one lesson.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usageError } from '../errors.ts';
import { lessonNumber, orderLessonNames } from '../lesson/course.ts';

/** The name the shipped course answers to on the command line. */
export const SHIPPED_COURSE = 'networking';

/** The shipped course's folder: `lessons/` at the package's root (src/ and dist/ sit at the same depth). */
export const SHIPPED_COURSE_DIR = fileURLToPath(new URL('../../lessons', import.meta.url));

/** Whether a path exists on disk (a file or a folder). */
async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The entry of a folder one name segment picks: the exact name, NAME.md, a lesson's number, or its name without the number. */
function pickEntry(names: readonly string[], segment: string): string | undefined {
  if (names.includes(segment)) return segment;
  if (names.includes(`${segment}.md`)) return `${segment}.md`;
  const lessons = orderLessonNames(names);
  if (/^\d+$/.test(segment)) return lessons.find((name) => lessonNumber(name) === Number(segment));
  return lessons.find((name) => name.replace(/^\d+-?/, '').replace(/\.md$/i, '') === segment);
}

/** A course's root folder (as `steplab init` makes it) stands for its lessons/ folder, when it holds no lessons itself. */
async function lessonsFolderOf(path: string): Promise<string> {
  const names = await readdir(path).catch(() => undefined);
  if (names === undefined || orderLessonNames(names).length > 0 || !names.includes('lessons')) return path;
  return join(path, 'lessons');
}

/**
 * What a path given on the command line means: the path itself when it exists here (a course's root: its lessons/);
 * a lesson or folder of the shipped course when it is `networking[/…]`; otherwise the path unchanged, for the loader to report.
 */
export async function resolveLessonPath(path: string, shippedDir: string = SHIPPED_COURSE_DIR): Promise<string> {
  if (await exists(path)) return lessonsFolderOf(path);
  const [head, ...rest] = path.split('/').filter((segment) => segment !== '');
  if (head !== SHIPPED_COURSE) return path;
  let resolved = shippedDir;
  for (const segment of rest) {
    const names = await readdir(resolved).catch(() => [] as string[]);
    const entry = pickEntry(names, segment);
    if (entry === undefined) {
      const lessons = orderLessonNames(await readdir(shippedDir)).map((name) => name.replace(/\.md$/i, ''));
      throw usageError(
        `"${path}" names no lesson of the course that ships with steplab`,
        `Its lessons: ${lessons.join(', ')}. Name one by number or name, e.g. ${SHIPPED_COURSE}/${lessons.at(-1)?.split('-')[0] ?? '01'}.`,
      );
    }
    resolved = join(resolved, entry);
  }
  return resolved;
}
