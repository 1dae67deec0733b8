// `steplab verify [PATH…]`: every lesson in its own sandbox, unattended; exit 0 only when all pass.

import { loadCourse } from '../../course/load.ts';
import { formatProblem } from '../../lesson/lint.ts';
import type { Lesson } from '../../lesson/types.ts';
import type { LessonOutcome, Reporter } from '../../run/events.ts';
import { Emitter } from '../../run/emitter.ts';
import { runLesson } from '../../run/runner.ts';
import { startSandbox } from '../../sandbox/sandbox.ts';
import { intOption, type Options } from '../args.ts';
import { coursePaths } from '../course-paths.ts';
import type { Io } from '../io.ts';
import { runPool } from '../pool.ts';
import { makeReporters } from '../reporters.ts';
import { parseShard, takeShard } from '../shard.ts';
import { openTarget, parseTargetChoice } from '../targets.ts';
import { verifyAgainstDocker } from './verify-docker.ts';
import { openRoomLink, roomLessonPaths } from '../room-link.ts';
import { cliTranslator } from '../lang.ts';

/** Verify lessons (those of a workshop room, with --room); returns the exit code. */
export async function verifyCommand(paths: readonly string[], options: Options, io: Io): Promise<number> {
  if (options.against !== undefined) return verifyAgainstDocker(paths, options, io);
  const link = await openRoomLink(options, io);
  if (link === undefined) return verifyLessons(paths, options, io, []);
  try {
    link.session.print = (text) => io.stderr.write(`${text}\n`);
    return await verifyLessons(await roomLessonPaths(link, paths, io), options, io, [link.session.reporter(false)]);
  } finally {
    await link.close();
  }
}

/** Verify lessons with the reporters of the options and `extra` ones; returns the exit code. */
async function verifyLessons(paths: readonly string[], options: Options, io: Io, extra: readonly Reporter[]): Promise<number> {
  const jobs = intOption(options.jobs, 'jobs', 1, 1, 32);
  const choice = parseTargetChoice(options.target);
  const shard = parseShard(options.shard);
  const { t } = cliTranslator(options.lang, io.env);
  const course = await loadCourse(await coursePaths(paths, io), t);
  const loaded = new Set(course.files.map((f) => f.file));
  const inShard = new Set(takeShard([...loaded], shard));
  if (shard) io.stderr.write(`${t('verify.shard', { index: shard.index, shards: shard.count, count: inShard.size, total: loaded.size })}\n`);
  const errors = course.problems.filter((p) => p.severity === 'error' && (inShard.has(p.file) || !loaded.has(p.file)));
  for (const p of errors) io.stderr.write(`${formatProblem(p)}\n`);
  const reporters = [...makeReporters(options, io), ...extra];
  const brokenFiles = new Set(errors.map((p) => p.file));
  const lessons = course.lessons.filter((l) => inShard.has(l.file) && !brokenFiles.has(l.file));
  if (shard && lessons.length === 0 && errors.length === 0 && loaded.size > 0) {
    // More CI jobs than lessons: this one has nothing to do, which is no failure; its report is empty.
    await new Emitter(reporters).runEnd([]);
    return 0;
  }
  if (lessons.length === 0 && errors.length === 0) {
    io.stderr.write(`${t('verify.no-lessons', { where: paths.join(' ') || 'lessons' })}\n`);
    return 1;
  }

  const target = await openTarget(choice, (line) => io.stderr.write(`${line}\n`));
  const outcomes: LessonOutcome[] = [];
  try {
    await runPool(lessons, jobs, async (lesson) => {
      outcomes.push(
        await runLesson(lesson, {
          target: target.name,
          startSandbox: (l) => startSandbox(target, { world: l.world }),
          reporters,
          // Only the JSON report shows what changed: without it nobody reads the changes.
          changes: !options['no-changes'] && options.reporter === 'json',
          keepGoing: options['keep-going'] === true,
          t,
        }),
      );
    });
  } finally {
    await target.dispose();
  }
  const ordered = lessons.map((l) => outcomes.find((o) => o.lesson === l)).filter((o): o is LessonOutcome => o !== undefined);
  await new Emitter(reporters).runEnd([...ordered, ...errors.length > 0 ? brokenOutcomes(course.files.filter((f) => brokenFiles.has(f.file)).map((f) => f.file), target.name) : []]);
  return ordered.every((o) => o.status === 'passed') && errors.length === 0 ? 0 : 1;
}

/** Lessons that could not be parsed count as failed in the summary. */
function brokenOutcomes(files: readonly string[], target: string): LessonOutcome[] {
  return files.map((file) => ({
    lesson: { file, format: 1, id: file, title: file, summary: '', requires: [], world: 'internet', timeoutMs: 0, introduction: '', setup: [], cleanup: [], docker: [], steps: [] } satisfies Lesson,
    target,
    status: 'broken',
    steps: [],
    error: `${file} has errors; run \`steplab lint ${file}\``,
    durationMs: 0,
  }));
}
