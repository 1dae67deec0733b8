import { describe, expect, it } from 'vitest';
import { pickLesson, standingLabel } from '../../../src/cli/ui/picker.ts';
import { ProgressStore, progressKey, type LessonProgress } from '../../../src/progress/store.ts';
import { lesson, step } from '../report/fixtures.ts';
import { CTRL_C, DOWN, ENTER, UP, fakeTerminal } from './drive.ts';
import { translator } from '../../../src/i18n/index.ts';

const steps = [step(0, 'Create'), step(1, 'Connect'), step(2, 'Ping')];
const done = lesson(steps, { id: 'namespaces', title: 'Network namespaces', file: 'course/01-namespaces.md' });
const started = lesson(steps, { id: 'veth-pairs', title: 'Veth pairs', file: 'course/02-veth-pairs.md' });
const fresh = lesson(steps, { id: 'bridges', title: 'Bridges', file: 'course/03-bridges.md' });
const lessons = [done, started, fresh];

/** An in-memory store: `done` finished, `started` one step in. */
function store(): ProgressStore {
  const entry = (l: typeof done, completedSteps: string[], finished: boolean): LessonProgress => ({
    file: l.file,
    lessonId: l.id,
    completedSteps,
    finished,
    updatedAt: '2025-01-01T00:00:00.000Z',
  });
  return new ProgressStore('/nonexistent/progress.json', {
    [progressKey(done)]: entry(done, ['create', 'connect', 'ping'], true),
    [progressKey(started)]: entry(started, ['create'], false),
  });
}

describe('pickLesson', () => {
  it('lists lessons with their progress and starts on the first unfinished one', async () => {
    const term = fakeTerminal([DOWN + ENTER]);
    const result = await pickLesson(lessons, store(), { input: term.input, output: term.output, unicode: true });
    expect(result).toEqual({ kind: 'lesson', lesson: fresh, from: 0, startOver: false });
    const text = term.text();
    expect(text).toMatch(/ 1  ✔ +Network namespaces/);
    expect(text).toMatch(/ 2  1\/3 +Veth pairs/);
    expect(text).toMatch(/ 3 {8}Bridges/);
  });

  it('speaks Chinese, and marks a lesson that has no Chinese translation yet as English', async () => {
    const chinese = lesson(steps, { id: 'bridges', title: '网桥', file: 'course/zh-CN/03-bridges.md', lang: 'zh-CN' });
    const term = fakeTerminal([UP + ENTER]);
    const result = await pickLesson([done, started, chinese], store(), { input: term.input, output: term.output, unicode: true, translator: translator('zh-CN') });
    expect(result).toEqual({ kind: 'quit' });
    const text = term.text();
    expect(text).toContain('选择一课');
    expect(text).toMatch(/ 2  1\/3 +Veth pairs  （英文）/);
    expect(text).toMatch(/ 3 {8}网桥\n/);
    expect(text).toContain('退出');
    expect(text).not.toContain('to navigate');
  });

  it('offers to resume a lesson in progress at its next step, or to start over', async () => {
    let term = fakeTerminal([ENTER, ENTER]);
    expect(await pickLesson(lessons, store(), { input: term.input, output: term.output, unicode: true })).toEqual({ kind: 'lesson', lesson: started, from: 1, startOver: false });
    expect(term.text()).toContain('Resume at step 2: Connect');
    term = fakeTerminal([ENTER, DOWN + ENTER]);
    expect(await pickLesson(lessons, store(), { input: term.input, output: term.output, unicode: true })).toEqual({ kind: 'lesson', lesson: started, from: 0, startOver: true });
  });

  it('offers a finished lesson from the start or from a step, and goes back to the list on request', async () => {
    const term = fakeTerminal([UP + ENTER, DOWN + DOWN + ENTER, UP + ENTER, DOWN + ENTER, UP + ENTER]);
    expect(await pickLesson(lessons, store(), { input: term.input, output: term.output, unicode: true })).toEqual({ kind: 'lesson', lesson: done, from: 1, startOver: false });
    expect(term.text()).toContain('Start at which step?');
    expect(term.text()).toMatch(/ 2  ✔  Connect/);
    const over = fakeTerminal([UP + ENTER, ENTER]);
    expect(await pickLesson(lessons, store(), { input: over.input, output: over.output, unicode: true })).toEqual({ kind: 'lesson', lesson: done, from: 0, startOver: true });
    expect(term.text()).toContain('Network namespaces: you finished this lesson.');
    expect(term.text()).not.toContain('Resume at');
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
  });

  it('quits from the list, and on Ctrl-C', async () => {
    let term = fakeTerminal([DOWN + DOWN + ENTER]);
    expect(await pickLesson(lessons, store(), { input: term.input, output: term.output, unicode: true })).toEqual({ kind: 'quit' });
    term = fakeTerminal([CTRL_C]);
    expect(await pickLesson(lessons, store(), { input: term.input, output: term.output, unicode: true })).toEqual({ kind: 'quit' });
  });
});

describe('standingLabel', () => {
  it('is ✔ (or ok), done/total, or blank', () => {
    expect(standingLabel({ kind: 'finished' }, true)).toBe('✔');
    expect(standingLabel({ kind: 'finished' }, false)).toBe('ok');
    expect(standingLabel({ kind: 'in-progress', done: 3, total: 7 }, true)).toBe('3/7');
    expect(standingLabel({ kind: 'new' }, true)).toBe('');
  });
});
