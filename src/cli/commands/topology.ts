// `steplab topology LESSON [--step N|ID] [--format ascii|dot|mermaid]`: the lab's network after a step.

import { usageError } from '../../errors.ts';
import { renderAscii, renderDot, renderMermaid } from '../../topology/index.ts';
import { takeSnapshot } from '../../kernel/snapshot.ts';
import type { Snapshot } from '../../kernel/types.ts';
import { loadCourse } from '../../course/load.ts';
import { formatProblem } from '../../lesson/lint.ts';
import type { Lesson } from '../../lesson/types.ts';
import { runLesson } from '../../run/runner.ts';
import { startSandbox } from '../../sandbox/sandbox.ts';
import type { Sandbox } from '../../sandbox/types.ts';
import type { Options } from '../args.ts';
import { resolveLessonPath } from '../../course/shipped-course.ts';
import type { Io } from '../io.ts';
import { openTarget, parseTargetChoice } from '../targets.ts';
import { cliTranslator } from '../lang.ts';

const FORMATS = ['ascii', 'dot', 'mermaid'] as const;

/** Replay a lesson up to a step in a fresh sandbox and draw its network; returns the exit code. */
export async function topologyCommand(positionals: readonly string[], options: Options, io: Io): Promise<number> {
  const file = positionals[0];
  if (!file) throw usageError('topology needs a lesson file', 'Example: steplab topology lessons/03-linux-bridge.md --step 4 --format dot');
  const format = options.format ?? 'ascii';
  if (!(FORMATS as readonly string[]).includes(format)) throw usageError(`unknown format "${format}"`, `Use one of: ${FORMATS.join(', ')}.`);
  const { t } = cliTranslator(options.lang, io.env);
  const course = await loadCourse([await resolveLessonPath(file)], t);
  const errors = course.problems.filter((p) => p.severity === 'error');
  for (const p of errors) io.stderr.write(`${formatProblem(p)}\n`);
  const lesson = course.lessons[0];
  if (!lesson || errors.length > 0) return 1;
  const upTo = stepCount(lesson, options.step);
  const target = await openTarget(parseTargetChoice(options.target));
  let snapshot: Snapshot | undefined;
  try {
    const trimmed: Lesson = { ...lesson, steps: lesson.steps.slice(0, upTo), cleanup: [] };
    const outcome = await runLesson(trimmed, {
      target: target.name,
      reporters: [],
      startSandbox: async (l) => keepLast(await startSandbox(target, { world: l.world }), async (s) => {
        snapshot = await takeSnapshot((code) => s.read(code));
      }),
    });
    if (outcome.status !== 'passed' || !snapshot) {
      const failed = outcome.steps.find((s) => s.status === 'failed');
      io.stderr.write(`The lesson did not get that far: ${failed?.reason ?? outcome.error ?? outcome.status}\n`);
      return 1;
    }
  } finally {
    await target.dispose();
  }
  const width = Math.max(40, Math.min(io.stdout.columns ?? 80, 160));
  io.stdout.write(`${format === 'dot' ? renderDot(snapshot, t) : format === 'mermaid' ? renderMermaid(snapshot, t) : renderAscii(snapshot, { width, t })}\n`);
  return 0;
}

/** How many steps to run for --step (a 1-based number or a step id); all by default. */
function stepCount(lesson: Lesson, step: string | undefined): number {
  if (step === undefined) return lesson.steps.length;
  const n = Number(step);
  if (Number.isInteger(n) && n >= 1 && n <= lesson.steps.length) return n;
  const index = lesson.steps.findIndex((s) => s.id === step);
  if (index >= 0) return index + 1;
  throw usageError(`no step "${step}" in ${lesson.file}`, `Use a number from 1 to ${lesson.steps.length} or one of: ${lesson.steps.map((s) => s.id).join(', ')}.`);
}

/** Wrap a sandbox so `before` runs just before it is disposed (to read its final state). */
function keepLast(sandbox: Sandbox, before: (s: Sandbox) => Promise<void>): Sandbox {
  const dispose = async (): Promise<void> => {
    await before(sandbox);
    await sandbox.dispose();
  };
  return {
    run: (c, o) => sandbox.run(c, o),
    probe: (c, t) => sandbox.probe(c, t),
    read: (c, t) => sandbox.read(c, t),
    interrupt: async () => sandbox.interrupt?.(),
    interactiveArgv: () => sandbox.interactiveArgv(),
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}
