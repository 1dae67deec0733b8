import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ago, progressLines } from '../../../src/cli/commands/progress.ts';
import { helpText } from '../../../src/cli/help.ts';
import { findLesson, resolveNamed, stepIndex } from '../../../src/cli/lesson-ref.ts';
import { main } from '../../../src/cli/main.ts';
import { loadProgress } from '../../../src/progress/store.ts';
import { lesson, step } from '../report/fixtures.ts';

const COURSE = join(import.meta.dirname, '../../fixtures/course');

/** Streams with text captured; terminals or not. */
function io(tty: { stdin: boolean; stdout: boolean }, env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const stdin = Object.assign(new PassThrough(), { isTTY: tty.stdin });
  const stdout = Object.assign(new PassThrough(), { isTTY: tty.stdout });
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdin, stdout, stderr, env }, out: () => out, err: () => err };
}

describe('steplab and steplab run without a terminal', () => {
  it.each([
    [{ stdin: false, stdout: true }, {}, 'its input is not a terminal'],
    [{ stdin: true, stdout: false }, {}, 'its output is not a terminal'],
    [{ stdin: true, stdout: true }, { CI: 'true' }, 'CI is set'],
  ])('refuses in one line when %j %j, naming verify, and records nothing', async (tty, env, why) => {
    const state = await mkdtemp(join(tmpdir(), 'steplab-state-'));
    const t = io(tty, { ...env, STEPLAB_STATE_DIR: state });
    expect(await main(['run', join(COURSE, '01-namespaces.md')], t.io)).toBe(2);
    expect(t.err()).toBe(`steplab run asks you what to do at each step and cannot here: ${why}. To run lessons unattended, use \`steplab verify ${join(COURSE, '01-namespaces.md')}\`.\n`);
    const plain = io(tty, { ...env, STEPLAB_STATE_DIR: state });
    expect(await main([COURSE], plain.io)).toBe(2);
    expect(plain.err()).toContain(`use \`steplab verify ${COURSE}\``);
    const progress = await loadProgress(state);
    expect(progress.get({ file: join(COURSE, '01-namespaces.md'), id: 'fixture-namespaces' })).toBeUndefined();
  });
});

describe('naming lessons and steps', () => {
  it('finds a lesson by file, number or id in the course, and says what exists otherwise', async () => {
    expect((await resolveNamed(join(COURSE, '02-challenge.md'), 'nowhere', { stderr: process.stderr })).lesson?.id).toBe('fixture-challenge');
    expect((await resolveNamed('2', COURSE, { stderr: process.stderr })).lesson?.id).toBe('fixture-challenge');
    expect((await resolveNamed('fixture-namespaces', COURSE, { stderr: process.stderr })).lesson?.id).toBe('fixture-namespaces');
    expect((await resolveNamed(COURSE, 'nowhere', { stderr: process.stderr })).lesson).toBeUndefined();
    await expect(resolveNamed('9', COURSE, { stderr: process.stderr })).rejects.toThrow('"9" is neither a file nor a lesson of');
    expect(findLesson([], '1')).toBeUndefined();
  });

  it('takes --step as a number from 1 or a step id', () => {
    const l = lesson([step(0, 'Create'), step(1, 'Connect')]);
    expect(stepIndex(l, '2')).toBe(1);
    expect(stepIndex(l, 'create')).toBe(0);
    expect(() => stepIndex(l, '3')).toThrow('no step "3"');
  });
});

describe('steplab progress', () => {
  it('lists every lesson: the step reached, done, or not started, and when', async () => {
    const state = await mkdtemp(join(tmpdir(), 'steplab-state-'));
    const store = await loadProgress(state, { now: () => new Date('2026-01-01T10:00:00Z') });
    const a = lesson([step(0, 'Create'), step(1, 'Connect')], { file: 'c/01-a.md', id: 'a', title: 'First' });
    const b = lesson([step(0, 'Create')], { file: 'c/02-b.md', id: 'b', title: 'Second one' });
    const c = lesson([step(0, 'Create')], { file: 'c/03-c.md', id: 'c', title: 'Third' });
    await store.markStep(a, 'create');
    await store.markStep(b, 'create');
    await store.finish(b);
    expect(progressLines([a, b, c], store, new Date('2026-01-03T11:00:00Z'))).toEqual([
      ' 1  First       step 2/2, 2 days ago',
      ' 2  Second one  done, 2 days ago',
      ' 3  Third       not started',
    ]);
    expect(ago('2026-01-01T10:00:00Z', new Date('2026-01-01T10:00:30Z'))).toBe('just now');
  });

  it('prints the fixture course, and reset forgets a lesson', async () => {
    const state = await mkdtemp(join(tmpdir(), 'steplab-state-'));
    const store = await loadProgress(state);
    await store.markStep({ file: join(COURSE, '02-challenge.md'), id: 'fixture-challenge' }, 'make-one-namespace');
    const t = io({ stdin: false, stdout: false }, { STEPLAB_STATE_DIR: state });
    expect(await main(['progress', COURSE], t.io)).toBe(0);
    expect(t.out()).toMatch(/ 2  A namespace of your own +step 2\/2, just now/);
    const r = io({ stdin: false, stdout: false }, { STEPLAB_STATE_DIR: state });
    expect(await main(['reset', '2', '--course', COURSE], r.io)).toBe(0);
    expect(r.out()).toBe('Forgot your progress in A namespace of your own; it starts from the first step now.\n');
    expect((await loadProgress(state)).get({ file: join(COURSE, '02-challenge.md'), id: 'fixture-challenge' })).toBeUndefined();
  });
});

describe('help', () => {
  it('has a page per learner command, and --help after a command prints it', async () => {
    for (const command of ['run', 'progress', 'reset', 'verify', 'lint', 'topology', 'doctor']) expect(helpText(command)).toMatch(new RegExp(`^Usage: steplab ${command}`));
    const t = io({ stdin: false, stdout: false });
    expect(await main(['reset', '--help'], t.io)).toBe(0);
    expect(t.out()).toBe(helpText('reset'));
  });
});
