// node bench/profile.ts [--changes] [--jobs N] [--target T] [LESSON…]: where each step's time goes.
// Runs lessons as `verify` does, with a sandbox that times every round trip to the lab and names what it
// was for (the step's blocks, a snapshot, a check's probes, the lesson's variables); what is left of a
// step's time is steplab's own (Node, reporters). Prints one line a step and the lesson's sums.

import { parseArgs } from 'node:util';
import { loadCourse } from '../src/course/load.ts';
import type { Lesson } from '../src/lesson/types.ts';
import { SECTION_MARKER } from '../src/kernel/collect.ts';
import { runLesson } from '../src/run/runner.ts';
import type { StepOutcome } from '../src/run/events.ts';
import { startSandbox } from '../src/sandbox/sandbox.ts';
import type { Sandbox, ShellResult } from '../src/sandbox/types.ts';
import { openTarget, parseTargetChoice } from '../src/cli/targets.ts';
import { runPool } from '../src/cli/pool.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { changes: { type: 'boolean' }, jobs: { type: 'string' }, target: { type: 'string' } } });

type Kind = 'block' | 'snapshot' | 'probe' | 'vars' | 'other';
/** What a probe-shell script is for, by its text. */
const kindOf = (code: string): Kind => {
  if (code.includes(SECTION_MARKER)) return 'snapshot';
  if (/ping|timeout|curl|sh -c|sysctl -n|#~steplab-probe-/.test(code)) return 'probe';
  if (code.includes('lesson-vars')) return 'vars';
  return 'other';
};

/** Calls to the lab that took a second or more: how long, and the first line of their code. */
const slow: string[] = [];

/** A sandbox that adds each call's wall time to the tally of its kind. */
function timed(sandbox: Sandbox, tally: () => Map<Kind, number[]>, file: string): Sandbox {
  const add = (kind: Kind, ms: number, code: string): void => {
    tally().set(kind, [...(tally().get(kind) ?? []), ms]);
    if (ms >= 1000) slow.push(`${f(ms)} ${kind.padEnd(8)} ${file}: ${code.trim().split('\n')[0]?.slice(0, 100) ?? ''}`);
  };
  /** A call into steplab's own shells (probe, reader), timed under the kind its code is for. */
  const own = (call: (code: string, timeoutMs?: number) => Promise<ShellResult>) => async (code: string, timeoutMs?: number): Promise<ShellResult> => {
    const t = performance.now();
    try {
      return await call(code, timeoutMs);
    } finally {
      add(kindOf(code), performance.now() - t, code);
    }
  };
  return {
    run: async (code, options) => {
      const t = performance.now();
      try {
        return await sandbox.run(code, options);
      } finally {
        add('block', performance.now() - t, code);
      }
    },
    probe: own((code, timeoutMs) => sandbox.probe(code, timeoutMs)),
    read: own((code, timeoutMs) => sandbox.read(code, timeoutMs)),
    interrupt: () => sandbox.interrupt?.() ?? Promise.resolve(),
    interactiveArgv: () => sandbox.interactiveArgv(),
    dispose: () => sandbox.dispose(),
    [Symbol.asyncDispose]: () => sandbox.dispose(),
  };
}

const sum = (xs: readonly number[] | undefined): number => (xs ?? []).reduce((a, b) => a + b, 0);
const f = (x: number): string => x.toFixed(0).padStart(6);

const target = await openTarget(parseTargetChoice(values.target));
const course = await loadCourse(positionals.length > 0 ? positionals : ['lessons']);
const totals = new Map<Kind | 'own' | 'step', number>();
const started = performance.now();
try {
  await runPool(course.lessons, Number(values.jobs ?? 1), async (lesson: Lesson) => {
    let tally = new Map<Kind, number[]>();
    const lines: string[] = [];
    const onStepEnd = (outcome: StepOutcome): void => {
      const parts = { block: sum(tally.get('block')), snapshot: sum(tally.get('snapshot')), probe: sum(tally.get('probe')), vars: sum(tally.get('vars')), other: sum(tally.get('other')) };
      const own = outcome.durationMs - Object.values(parts).reduce((a, b) => a + b, 0);
      for (const [k, v] of Object.entries({ ...parts, own, step: outcome.durationMs })) totals.set(k as Kind, (totals.get(k as Kind) ?? 0) + v);
      lines.push(`${f(outcome.durationMs)} ${f(parts.block)} ${f(parts.snapshot)} (${tally.get('snapshot')?.length ?? 0}) ${f(parts.probe)} (${tally.get('probe')?.length ?? 0}) ${f(parts.vars)} ${f(parts.other)} ${f(own)}  ${outcome.status === 'passed' ? '' : `${outcome.status} `}${outcome.step.title}`);
      tally = new Map();
    };
    const outcome = await runLesson(lesson, {
      target: target.name,
      startSandbox: async (l) => timed(await startSandbox(target, { world: l.world }), () => tally, l.file),
      reporters: [{ onStepStart: () => void (tally = new Map()), onStepEnd }],
      changes: values.changes === true,
    });
    console.log(`\n${lesson.file}: ${outcome.status} in ${outcome.durationMs} ms\n  step  block  snap (n) probe (n)   vars  other    own`);
    for (const line of lines) console.log(line);
  });
} finally {
  await target.dispose();
}
const wall = performance.now() - started;
console.log(`\ncalls of a second or more (ms, kind, first line):\n${slow.join('\n')}`);
console.log(`\nall: wall ${(wall / 1000).toFixed(1)} s; summed over steps: ${[...totals].map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ')}`);
