// Hand-built lessons and outcomes for the reporter, progress and UI tests.

import type { Change } from '../../../src/diff/types.ts';
import type { Check, CommandBlock, Lesson, Step, StepPart } from '../../../src/lesson/types.ts';
import type { BlockOutcome, CheckOutcome, LessonOutcome, StepOutcome } from '../../../src/run/events.ts';

/** A `sh` block (or another kind) at a line. */
export function block(code: string, line: number, extra: Partial<CommandBlock> = {}): CommandBlock {
  return { kind: 'sh', code, line, timeoutMs: undefined, background: false, exit: 0, ...extra };
}

/** A `netns NAME exists` check at a line. */
export function check(name: string, line: number): Check {
  return { source: `netns ${name} exists`, line, assertion: { kind: 'netns', name, expect: 'exists' } };
}

/** A step whose body is its prose then its blocks. */
export function step(index: number, title: string, extra: Partial<Step> = {}): Step {
  const commands = extra.commands ?? [];
  const body: StepPart[] = extra.body ? [...extra.body] : [
    { kind: 'prose', markdown: `Why we do **${title}**.`, line: 10 * index + 11 },
    ...commands.map((b): StepPart => ({ kind: 'commands', block: b })),
  ];
  return {
    index,
    id: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title,
    line: 10 * index + 10,
    body,
    commands,
    checks: [],
    hints: [],
    solution: [],
    setup: [],
    cleanup: [],
    docker: [],
    challenge: false,
    ...extra,
  };
}

/** A lesson of the given steps. */
export function lesson(steps: readonly Step[], extra: Partial<Lesson> = {}): Lesson {
  return {
    file: 'lessons/02-veth-pairs.md',
    format: 1,
    id: 'veth-pairs',
    title: 'Connect two namespaces with a veth pair',
    summary: 'Two namespaces, one cable.',
    requires: ['ip'],
    world: 'internet',
    timeoutMs: 30_000,
    introduction: 'A **veth pair** is a virtual cable.',
    setup: [],
    cleanup: [],
    docker: [],
    steps,
    ...extra,
  };
}

/** How a block went: ok when its status is the expected one. */
export function ran(b: CommandBlock, output: string, exitCode = b.exit, timedOut = false): BlockOutcome {
  return { block: b, ok: exitCode === b.exit && !timedOut, exitCode, output, timedOut, durationMs: 12 };
}

/** A check's verdict. */
export function verdict(c: Check, passed: boolean, message = passed ? 'seen' : `netns ${c.source.split(' ')[1]} is absent; expected it to exist`): CheckOutcome {
  return { check: c, result: { passed, message } };
}

/** A step outcome; status follows from the parts unless given. */
export function stepOutcome(s: Step, parts: Partial<StepOutcome> = {}): StepOutcome {
  const blocks = parts.blocks ?? [];
  const checks = parts.checks ?? [];
  const failed = blocks.some((b) => !b.ok) || checks.some((c) => !c.result.passed);
  return {
    step: s,
    status: failed ? 'failed' : 'passed',
    blocks,
    checks,
    checksBefore: [],
    changes: [],
    reason: failed ? 'a check failed' : undefined,
    durationMs: 123,
    ...parts,
  };
}

/** A lesson outcome; passed when every step passed or was skipped. */
export function lessonOutcome(l: Lesson, steps: readonly StepOutcome[], extra: Partial<LessonOutcome> = {}): LessonOutcome {
  return {
    lesson: l,
    target: 'local',
    status: steps.some((s) => s.status === 'failed') ? 'failed' : 'passed',
    steps,
    error: undefined,
    durationMs: 4_250,
    ...extra,
  };
}

export const CHANGES: readonly Change[] = [
  { ns: undefined, kind: 'netns', op: '+', text: 'namespace red' },
  { ns: 'red', kind: 'link', op: '+', text: 'veth veth-red' },
];

/** A sink that keeps what was written. */
export function sink(extra: { isTTY?: boolean; columns?: number } = {}): { text: () => string; write: (chunk: string) => boolean; isTTY?: boolean; columns?: number } {
  let text = '';
  return { ...extra, text: () => text, write: (chunk: string) => ((text += chunk), true) };
}
