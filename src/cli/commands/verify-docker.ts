// `steplab verify --against docker [PATH…]`: each lesson's docker blocks run by a real engine inside the lab, judged by the lesson's own checks.

import { usageError } from '../../errors.ts';
import { loadCourse } from '../../course/load.ts';
import { formatProblem } from '../../lesson/lint.ts';
import { engineChoice, findEngine } from '../../oracle/engine.ts';
import { makeLabImage } from '../../oracle/image.ts';
import { oracleLesson, type OracleLesson, type OracleRun } from '../../oracle/lesson.ts';
import { EngineSandbox, startEngineSandbox } from '../../oracle/sandbox.ts';
import { Emitter } from '../../run/emitter.ts';
import type { LessonOutcome } from '../../run/events.ts';
import { runLesson } from '../../run/runner.ts';
import { intOption, type Options } from '../args.ts';
import type { Io } from '../io.ts';
import { runPool } from '../pool.ts';
import { makeReporters } from '../reporters.ts';
import { openTarget, parseTargetChoice } from '../targets.ts';

/** Verify lessons against a Docker engine; returns the exit code (non-zero when there is no engine). */
export async function verifyAgainstDocker(paths: readonly string[], options: Options, io: Io): Promise<number> {
  if (options.against !== 'docker') throw usageError(`--against takes "docker", not "${options.against}"`, 'Run `steplab verify --against docker [PATH…]`.');
  const jobs = intOption(options.jobs, 'jobs', 1, 1, 32);
  const choice = parseTargetChoice(options.target);
  const course = await loadCourse(paths.length > 0 ? paths : ['lessons']);
  const errors = course.problems.filter((p) => p.severity === 'error');
  for (const p of errors) io.stderr.write(`${formatProblem(p)}\n`);
  const brokenFiles = new Set(errors.map((p) => p.file));
  const oracles = course.lessons.filter((l) => !brokenFiles.has(l.file)).map(oracleLesson);
  if (oracles.length === 0 && errors.length === 0) {
    io.stderr.write(`No lessons found in ${paths.join(' ') || 'lessons'}. Lesson files are named like 01-namespaces.md.\n`);
    return 1;
  }
  const reporters = makeReporters(options, io);
  const target = await openTarget(choice, (line) => io.stderr.write(`${line}\n`));
  const engine = engineChoice(options.engine);
  const outcomes = new Map<OracleRun, LessonOutcome>();
  try {
    const found = await findEngine(target, engine);
    if (!found.ok) {
      io.stderr.write(`steplab: cannot verify against Docker: ${found.reason}\n`);
      return 1;
    }
    io.stderr.write(`Verifying against Docker ${found.version} (${found.dockerd}) inside each lab on the ${target.name} target.\n`);
    const image = await makeLabImage(target);
    try {
      const label = `${target.name}, Docker ${found.version}`;
      const runs = oracles.filter((o) => o.compared.length > 0).flatMap((o) => o.runs);
      await runPool(runs, jobs, async (run) => {
        outcomes.set(
          run,
          await runLesson(run.lesson, {
            target: label,
            startSandbox: (l) => startEngineSandbox(target, l, { engine, imageTar: image.tar, daemon: run.daemon }),
            reporters,
            failureContext: async (sandbox) => (sandbox instanceof EngineSandbox ? engineStateLines(await sandbox.state()) : ''),
          }),
        );
      });
    } finally {
      await image.dispose();
    }
  } finally {
    await target.dispose();
  }
  const ordered = oracles.flatMap((o) => o.runs.flatMap((run) => outcomes.get(run) ?? []));
  await new Emitter(reporters).runEnd(ordered);
  io.stdout.write(comparedSummary(oracles));
  return ordered.every((o) => o.status === 'passed') && errors.length === 0 ? 0 : 1;
}

/** Per lesson and in all: how many steps the engine's state was checked for, and which were left out. */
export function comparedSummary(oracles: readonly OracleLesson[]): string {
  const lines = oracles.map((o) => {
    const left = o.notCompared.length === 0 ? '' : ` (not compared: ${o.notCompared.map((s) => s.index + 1).join(', ')})`;
    return `  ${o.lesson.id}: ${o.compared.length} compared, ${o.notCompared.length} not compared${left}`;
  });
  const compared = oracles.reduce((n, o) => n + o.compared.length, 0);
  const notCompared = oracles.reduce((n, o) => n + o.notCompared.length, 0);
  return `Steps checked against Docker:\n${lines.join('\n')}\n${compared} compared, ${notCompared} not compared\n`;
}

/** The engine's state under a failed step, set off from the check's own lines. */
function engineStateLines(state: string): string {
  return ['      What Docker built:', ...state.split('\n').map((line) => `        | ${line}`)].join('\n');
}
