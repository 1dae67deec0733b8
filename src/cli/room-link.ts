// `--room URL --code CODE --name NAME` (or STEPLAB_ROOM, STEPLAB_ROOM_CODE, STEPLAB_NAME) on run and verify:
// join the room, take its course, report to it, run doctor in the background and send its verdict.

import { Writable } from 'node:stream';
import { stateDir } from '../progress/store.ts';
import { call, checkRoomUrl } from '../room/client/http.ts';
import type { Joined } from '../room/client/join.ts';
import type { RoomSession } from '../room/client/session.ts';
import type { DoctorReport } from '../room/protocol.ts';
import { usageError } from '../errors.ts';
import type { Options } from './args.ts';
import type { Io } from './io.ts';

export interface RoomLink {
  readonly joined: Joined;
  readonly session: RoomSession;
  /** Send what is left, wait for doctor's verdict to go out, remove the course folder. */
  close(): Promise<void>;
}

/** The room the command line or the environment names, checked; undefined when none. */
export function roomRequest(options: Options, env: NodeJS.ProcessEnv): { url: string; code: string; name: string } | undefined {
  const url = options.room ?? env.STEPLAB_ROOM;
  if (url === undefined || url === '') return undefined;
  const code = options.code ?? env.STEPLAB_ROOM_CODE;
  const name = options.name ?? env.STEPLAB_NAME;
  if (!code) throw usageError('--room needs the join code too', 'Add --code CODE (your instructor shows it), or set STEPLAB_ROOM_CODE.');
  if (!name) throw usageError('--room needs your name too', 'Add --name "Your Name", or set STEPLAB_NAME.');
  return { url: checkRoomUrl(url), code, name };
}

/** Join the room named, if any; doctor runs meanwhile and its verdict follows the join. */
export async function openRoomLink(options: Options, io: Io): Promise<RoomLink | undefined> {
  const asked = roomRequest(options, io.env);
  if (asked === undefined) return undefined;
  // Loaded only to join: `steplab` without a room puts its lesson picker up without them.
  const [{ joinRoom }, { RoomSession }] = await Promise.all([import('../room/client/join.ts'), import('../room/client/session.ts')]);
  const joined = await joinRoom(asked.url, asked.code, asked.name, stateDir(io.env));
  io.stderr.write(`Joined the room at ${joined.room} as ${joined.learner.name}: your instructor sees your progress, and their messages show here between steps.\n`);
  const session = new RoomSession({ room: joined.room, key: joined.key });
  const doctor = runDoctor(options, io.env).then(
    (report) => call(joined.room, '/api/doctor', { key: joined.key, body: { doctor: report } }),
  ).catch(() => {});
  return {
    joined,
    session,
    close: async () => {
      await Promise.race([doctor, new Promise((r) => setTimeout(r, 60_000).unref())]);
      const unsent = await session.close(5000);
      if (unsent > 0) io.stderr.write(`${unsent} event${unsent === 1 ? '' : 's'} could not be sent to the room (${session.outbox.lastError ?? 'no answer'}); your own progress is saved here.\n`);
      await joined.dispose();
    },
  };
}

/** `steplab doctor` on this laptop, its lines captured: the verdict line decides ready. */
async function runDoctor(options: Options, env: NodeJS.ProcessEnv): Promise<DoctorReport> {
  let text = '';
  const sink = new Writable({ write: (chunk, _enc, done) => { text += String(chunk); done(); } });
  const { doctorCommand } = await import('./commands/doctor.ts');
  let code: number;
  try {
    code = await doctorCommand(options, { stdin: process.stdin, stdout: sink, stderr: sink, env });
  } catch (error) {
    return { ready: false, verdict: `not ready: doctor could not run (${(error as Error).message})`, lines: text.split('\n').filter(Boolean).slice(-100) };
  }
  const lines = text.split('\n').filter(Boolean).map((l) => l.slice(0, 300)).slice(-100);
  const verdict = (lines.at(-1) ?? '').replace(/^verdict:\s*/, '').slice(0, 500) || 'no verdict';
  return { ready: code === 0, verdict, lines };
}

/** The lessons to verify in the room's course: all, or those named by number or id. */
export async function roomLessonPaths(link: RoomLink, named: readonly string[], io: Pick<Io, 'stderr'>): Promise<string[]> {
  if (named.length === 0) return [link.joined.courseDir];
  const { resolveNamed } = await import('./lesson-ref.ts');
  const paths: string[] = [];
  for (const ref of named) {
    const found = await resolveNamed(ref, link.joined.courseDir, io);
    paths.push(found.lesson?.file ?? found.where);
  }
  return paths;
}
