import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { coursePaths } from '../../../src/cli/course-paths.ts';
import { SHIPPED_COURSE_DIR } from '../../../src/course/shipped-course.ts';

const home = process.cwd();
afterEach(() => process.chdir(home));

/** A stderr whose text is collected. */
function stderr(): { stderr: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += String(chunk)));
  return { stderr: stream, text: () => text };
}

describe('the course a command works on', () => {
  it('is ./lessons when this folder has one, silently', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'steplab-paths-'));
    await mkdir(join(dir, 'lessons'));
    process.chdir(dir);
    const io = stderr();
    expect(await coursePaths([], io)).toEqual(['lessons']);
    expect(io.text()).toBe('');
  });

  it('is the shipped course outside a course folder, and says so', async () => {
    process.chdir(await mkdtemp(join(tmpdir(), 'steplab-paths-')));
    const io = stderr();
    expect(await coursePaths([undefined], io)).toEqual([SHIPPED_COURSE_DIR]);
    expect(io.text()).toContain('No lessons/ folder here: using the course that ships with steplab (networking');
    expect(io.text()).toContain('steplab init DIR');
  });

  it('resolves shipped-course names among the paths named', async () => {
    process.chdir(await mkdtemp(join(tmpdir(), 'steplab-paths-')));
    const [lesson, other] = await coursePaths(['networking/01', 'mine.md'], stderr());
    expect(lesson).toMatch(/lessons[/]01-[^/]+\.md$/);
    expect(other).toBe('mine.md');
  });
});
