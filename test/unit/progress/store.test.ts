import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadProgress, parseProgress, progressKey, stateDir } from '../../../src/progress/store.ts';
import { lesson, step } from '../report/fixtures.ts';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, rename: vi.fn(real.rename) };
});

const l = lesson([step(0, 'Create'), step(1, 'Connect'), step(2, 'Ping')]);
const clock = () => new Date('2025-03-04T05:06:07.890Z');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'steplab-progress-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stateDir', () => {
  it('prefers STEPLAB_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state', () => {
    expect(stateDir({ STEPLAB_STATE_DIR: '/s', XDG_STATE_HOME: '/x' }, '/home/a')).toBe('/s');
    expect(stateDir({ XDG_STATE_HOME: '/x' }, '/home/a')).toBe('/x/steplab');
    expect(stateDir({}, '/home/a')).toBe('/home/a/.local/state/steplab');
  });
});

describe('ProgressStore', () => {
  it('starts empty, records steps and a finish in a versioned file keyed by course name and lesson id', async () => {
    const store = await loadProgress(dir, { now: clock });
    expect(store.warnings).toEqual([]);
    expect(store.resumeIndex(l)).toBe(0);
    expect(store.standing(l)).toEqual({ kind: 'new' });
    await store.markStep(l, 'create');
    await store.markStep(l, 'create');
    await store.markStep(l, 'connect');
    expect(store.standing(l)).toEqual({ kind: 'in-progress', done: 2, total: 3 });
    await store.finish(l);
    const key = 'lessons#veth-pairs';
    expect(progressKey(l)).toBe(key);
    expect(JSON.parse(await readFile(join(dir, 'progress.json'), 'utf8'))).toEqual({
      version: 1,
      lessons: {
        [key]: { file: resolve(l.file), lessonId: 'veth-pairs', completedSteps: ['create', 'connect'], finished: true, updatedAt: '2025-03-04T05:06:07.890Z' },
      },
    });
    const again = await loadProgress(dir);
    expect(again.resumeIndex(l)).toBe(2);
    expect(again.standing(l)).toEqual({ kind: 'finished' });
    await again.reset(l);
    expect(again.get(l)).toBeUndefined();
    expect((await loadProgress(dir)).resumeIndex(l)).toBe(0);
  });

  it('resumes a changed lesson at the first step it has no record of', async () => {
    const store = await loadProgress(dir);
    await store.markStep(l, 'create');
    await store.markStep(l, 'ping');
    const changed = lesson([step(0, 'Create'), step(1, 'Connect both ends'), step(2, 'Ping')]);
    expect(store.resumeIndex(changed)).toBe(1);
    await store.markStep(l, 'connect');
    expect(store.resumeIndex(l)).toBe(3);
    const renamed = lesson([step(0, 'Make namespaces'), step(1, 'Ping')]);
    expect(store.resumeIndex(renamed)).toBe(0);
  });

  it('keeps progress when the course folder moves, and moves an entry of the old path-keyed form to the new key', async () => {
    const store = await loadProgress(dir);
    await store.markStep(l, 'create');
    const moved = lesson(l.steps, { file: join(dir, 'elsewhere', 'lessons', '02-veth-pairs.md') });
    expect(store.resumeIndex(moved)).toBe(1);
    const old = { file: resolve(l.file), lessonId: 'veth-pairs', completedSteps: ['create', 'connect'], finished: false, updatedAt: '2024-01-01T00:00:00.000Z' };
    await writeFile(join(dir, 'progress.json'), JSON.stringify({ version: 1, lessons: { [`${resolve('lessons')}#veth-pairs`]: old } }));
    const legacy = await loadProgress(dir);
    expect(legacy.warnings).toEqual([]);
    expect(legacy.resumeIndex(l)).toBe(2);
    await legacy.markStep(l, 'ping');
    const saved = JSON.parse(await readFile(join(dir, 'progress.json'), 'utf8')) as { lessons: Record<string, { completedSteps: string[] }> };
    expect(Object.keys(saved.lessons)).toEqual(['lessons#veth-pairs']);
    expect(saved.lessons['lessons#veth-pairs']?.completedSteps).toEqual(['create', 'connect', 'ping']);
  });

  it('keeps lessons of two courses with the same id apart', async () => {
    const store = await loadProgress(dir);
    const other = lesson(l.steps, { file: 'other-course/02-veth-pairs.md' });
    await store.markStep(l, 'create');
    expect(store.resumeIndex(other)).toBe(0);
  });

  it('writes through a temp file in the same folder renamed over progress.json, leaving nothing behind', async () => {
    const rename = vi.mocked(fsPromises.rename);
    rename.mockClear();
    const store = await loadProgress(dir);
    await store.markStep(l, 'create');
    expect(rename).toHaveBeenCalledTimes(1);
    const [from, to] = rename.mock.calls[0]!;
    expect(to).toBe(join(dir, 'progress.json'));
    expect(String(from).startsWith(join(dir, '.progress.json.'))).toBe(true);
    expect(await readdir(dir)).toEqual(['progress.json']);
  });

  it('leaves the old file whole and no temp file when the rename fails', async () => {
    const store = await loadProgress(dir);
    await store.markStep(l, 'create');
    const before = await readFile(join(dir, 'progress.json'), 'utf8');
    vi.mocked(fsPromises.rename).mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await expect(store.markStep(l, 'connect')).rejects.toThrow('EIO');
    expect(await readFile(join(dir, 'progress.json'), 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['progress.json']);
  });

  it('keeps what another steplab wrote for other lessons meanwhile', async () => {
    const first = await loadProgress(dir);
    const second = await loadProgress(dir);
    const other = lesson([step(0, 'Bridge')], { id: 'bridges' });
    await first.markStep(l, 'create');
    await second.markStep(other, 'bridge');
    const merged = await loadProgress(dir);
    expect(merged.resumeIndex(l)).toBe(1);
    expect(merged.resumeIndex(other)).toBe(1);
  });

  it.each([
    ['corrupt JSON', '{"version": 1, "lessons": {', 'it is not valid JSON'],
    ['a newer format', '{"version": 2, "lessons": {}}', 'it was written by a newer steplab (format 2; this one reads 1)'],
    ['a malformed entry', '{"version": 1, "lessons": {"k": {"file": 3}}}', 'the entry "k" is malformed'],
  ])('moves a file with %s aside with a warning and starts empty', async (_what, content, why) => {
    await writeFile(join(dir, 'progress.json'), content);
    const store = await loadProgress(dir, { now: clock });
    const aside = join(dir, 'progress.json.bad-2025-03-04T05-06-07-890Z');
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain(why);
    expect(store.warnings[0]).toContain(aside);
    expect(await readFile(aside, 'utf8')).toBe(content);
    expect(store.resumeIndex(l)).toBe(0);
    await store.markStep(l, 'create');
    expect((await readdir(dir)).sort()).toEqual(['progress.json', 'progress.json.bad-2025-03-04T05-06-07-890Z']);
  });

  it('does not overwrite a file that went bad after loading: it is set aside too', async () => {
    const store = await loadProgress(dir, { now: clock });
    await writeFile(join(dir, 'progress.json'), 'garbage');
    await store.markStep(l, 'create');
    expect(store.warnings[0]).toContain('not valid JSON');
    expect(await readFile(join(dir, 'progress.json.bad-2025-03-04T05-06-07-890Z'), 'utf8')).toBe('garbage');
  });
});

describe('parseProgress', () => {
  it('accepts a well-formed file and names what is wrong with others', () => {
    expect(parseProgress('{"version":1,"lessons":{}}')).toEqual({ ok: true, file: { version: 1, lessons: {} } });
    expect(parseProgress('[]')).toEqual({ ok: false, why: 'it is not a JSON object' });
    expect(parseProgress('{"version":"1","lessons":{}}')).toEqual({ ok: false, why: 'its version is "1", expected 1' });
    expect(parseProgress('{"version":1,"lessons":[]}')).toEqual({ ok: false, why: '"lessons" is not an object' });
  });
});
