import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_COURSE_DIR, resolveLessonPath } from '../../../src/course/shipped-course.ts';
import { orderLessonNames } from '../../../src/lesson/course.ts';
import { readdir } from 'node:fs/promises';

let shipped: string;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'steplab-shipped-'));
  shipped = join(root, 'package-lessons');
  await mkdir(join(shipped, 'zh-CN'), { recursive: true });
  for (const name of ['01-network-namespaces.md', '07-bridge-mode.md', '10-user-networks.md', 'README.md', 'zh-CN/07-bridge-mode.md']) {
    await writeFile(join(shipped, name), '');
  }
  await mkdir(join(root, 'my-course', 'lessons'), { recursive: true });
  await writeFile(join(root, 'my-course', 'lessons', '01-a.md'), '');
});

describe('names of the shipped course', () => {
  it('finds a lesson by number, by file name or by name without the number', async () => {
    for (const name of ['networking/07', 'networking/7', 'networking/07-bridge-mode', 'networking/07-bridge-mode.md', 'networking/bridge-mode']) {
      expect(await resolveLessonPath(name, shipped)).toBe(join(shipped, '07-bridge-mode.md'));
    }
  });

  it('names the whole course, and folders inside it', async () => {
    expect(await resolveLessonPath('networking', shipped)).toBe(shipped);
    expect(await resolveLessonPath('networking/', shipped)).toBe(shipped);
    expect(await resolveLessonPath('networking/zh-CN/07', shipped)).toBe(join(shipped, 'zh-CN', '07-bridge-mode.md'));
  });

  it('says which lessons there are when a name matches none', async () => {
    await expect(resolveLessonPath('networking/99', shipped)).rejects.toMatchObject({
      code: 'USAGE',
      message: '"networking/99" names no lesson of the course that ships with steplab',
      hint: expect.stringContaining('01-network-namespaces, 07-bridge-mode, 10-user-networks'),
    });
  });

  it('leaves other paths alone, and a path that exists wins over the shipped name', async () => {
    expect(await resolveLessonPath('nowhere/07', shipped)).toBe('nowhere/07');
    const local = join(root, 'networking');
    await mkdir(local, { recursive: true });
    await writeFile(join(local, '01-mine.md'), '');
    expect(await resolveLessonPath(local, shipped)).toBe(local);
  });

  it('takes a course root (as steplab init makes it) as its lessons/ folder', async () => {
    expect(await resolveLessonPath(join(root, 'my-course'), shipped)).toBe(join(root, 'my-course', 'lessons'));
    expect(await resolveLessonPath(join(root, 'my-course', 'lessons'), shipped)).toBe(join(root, 'my-course', 'lessons'));
  });

  it('points at the lessons this checkout ships', async () => {
    expect(orderLessonNames(await readdir(SHIPPED_COURSE_DIR)).length).toBeGreaterThanOrEqual(3);
    expect(await resolveLessonPath('networking/01')).toMatch(/lessons[/]01-[^/]+\.md$/);
  });
});
