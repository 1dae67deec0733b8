import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonFiles, loadCourse } from '../../../src/course/load.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const at = (path: string): string => join(fixtures, path);

describe('lessonFiles', () => {
  it('lists a folder in that order', async () => {
    expect(await lessonFiles(at('lessons/ordering'))).toEqual({
      files: ['01-one.md', '02-b-two.md', '2-two.md', '10-ten.md'].map((name) => at(`lessons/ordering/${name}`)),
    });
  });

  it('takes a file path as that one file', async () => {
    expect(await lessonFiles(at('lessons/valid-full.md'))).toEqual({ files: [at('lessons/valid-full.md')] });
  });
});

describe('loadCourse', () => {
  it('loads the fixture course: two lessons, no problems', async () => {
    const course = await loadCourse([at('course')]);
    expect(course.problems).toEqual([]);
    expect(course.lessons.map((l) => [l.id, l.steps.length, l.steps.map((s) => s.challenge)])).toEqual([
      ['fixture-namespaces', 3, [false, false, false]],
      ['fixture-challenge', 2, [false, true]],
    ]);
  });

  it('reports a missing path and an empty folder as problems, not throws', async () => {
    const course = await loadCourse([at('nope'), at('lessons/empty-course')]);
    expect(course.lessons).toEqual([]);
    expect(course.problems).toEqual([
      { file: at('nope'), line: 0, column: 0, severity: 'error', message: 'no such file or folder; check the path' },
      {
        file: at('lessons/empty-course'), line: 0, column: 0, severity: 'error',
        message: 'no lessons in this folder; a course folder holds lesson files named with a number first, e.g. 01-namespaces.md',
      },
    ]);
  });

  it('reports a lesson id used twice at the second file\'s id line', async () => {
    const course = await loadCourse([at('lessons/duplicate-id')]);
    expect(course.lessons.map((l) => l.title)).toEqual(['First']);
    expect(course.problems).toEqual([{
      file: at('lessons/duplicate-id/02-second.md'), line: 4, column: 5, severity: 'error',
      message: `lesson id "same-id" is already used by ${at('lessons/duplicate-id/01-first.md')}; give this lesson an id of its own`,
    }]);
  });

  it('loads a file named twice only once', async () => {
    const course = await loadCourse([at('course/01-namespaces.md'), at('course')]);
    expect(course.files.map((f) => f.file)).toEqual([at('course/01-namespaces.md'), at('course/02-challenge.md')]);
    expect(course.problems).toEqual([]);
  });

  it('keeps the parse problems of a broken lesson and leaves it out of the lessons', async () => {
    const course = await loadCourse([at('lessons/unclosed-fence.md')]);
    expect(course.lessons).toEqual([]);
    expect(course.files[0]?.result.problems.map((p) => p.line)).toEqual([9]);
    expect(course.problems.map((p) => p.message)).toEqual(['unclosed ``` fence opened here; close it with ```']);
  });

  describe('a course folder made on the fly', () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });

    it('loads its numbered lessons and skips the other files', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'steplab-course-'));
      dirs.push(dir);
      await writeFile(join(dir, '01-a.md'), '---\nformat: 1\nid: a\ntitle: A\n---\n## S\n');
      await writeFile(join(dir, 'README.md'), '# not a lesson\n');
      const course = await loadCourse([dir]);
      expect(course.lessons.map((l) => l.id)).toEqual(['a']);
      expect(course.problems).toEqual([]);
    });
  });
});
