// `steplab room [COURSE]`: serve the course to a workshop's laptops and the instructor's live dashboard until Ctrl-C.

import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '../../course/load.ts';
import { formatProblem } from '../../lesson/lint.ts';
import { stateDir } from '../../progress/store.ts';
import { outline, packCourse } from '../../room/course-pack.ts';
import { Room } from '../../room/room.ts';
import { parseListen, startRoom } from '../../room/serve.ts';
import { RoomStore } from '../../room/store.ts';
import { usageError } from '../../errors.ts';
import type { Options } from '../args.ts';
import { coursePaths } from '../course-paths.ts';
import type { Io } from '../io.ts';

/** Where the room keeps its state unless --data says: the user's state folder, beside progress.json. */
export const defaultRoomData = (env: NodeJS.ProcessEnv): string => join(stateDir(env), 'room.sqlite');

/** Run the room until SIGINT or SIGTERM; returns the exit code. */
export async function roomCommand(positionals: readonly string[], options: Options, io: Io): Promise<number> {
  if (options.code !== undefined && !/^[A-Za-z0-9-]{4,32}$/.test(options.code)) throw usageError(`--code takes 4 to 32 letters, digits or dashes, not "${options.code}"`);
  if (options.token !== undefined && !/^[\w-]{16,100}$/.test(options.token)) throw usageError('--token takes 16 to 100 letters, digits, dashes or underscores', 'Leave it out and the room makes one.');
  const listen = parseListen(options.listen);
  const course = await loadCourse(await coursePaths(positionals, io));
  const errors = course.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || course.lessons.length === 0) {
    for (const p of errors) io.stderr.write(`${formatProblem(p)}\n`);
    io.stderr.write('Fix the course above (`steplab lint` lists every problem), then start the room again.\n');
    return 1;
  }
  const data = options.data ?? defaultRoomData(io.env);
  const room = new Room({ store: new RoomStore(data), course: packCourse(course), outline: outline(course), ...(options.code ? { code: options.code } : {}), ...(options.token ? { token: options.token } : {}) });
  const started = await startRoom(room, listen).catch((error: unknown) => {
    room.close();
    throw error;
  });
  const port = new URL(started.url).port;
  const hosts = ['0.0.0.0', '::'].includes(listen.host) ? lanAddresses() : [new URL(started.url).hostname];
  const base = (host: string) => `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
  io.stdout.write(
    `steplab room: ${course.lessons.length} lesson${course.lessons.length === 1 ? '' : 's'} of ${room.course.name}, listening on ${listen.host}:${port}; state in ${data}\n\n` +
      `Learners join with:\n${hosts.map((h) => `  steplab --room ${base(h)} --code ${room.code} --name "Your Name"\n`).join('')}\n` +
      `Your dashboard (keep the token to yourself):\n  ${base(hosts[0] ?? '127.0.0.1')}/?token=${room.token}\n\nCtrl-C stops the room; start it again with the same --data to carry on.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await started.stop();
  io.stdout.write('steplab room: stopped; everything is kept.\n');
  return 0;
}

/** This machine's IPv4 addresses learners can reach (not loopback). */
function lanAddresses(): string[] {
  const found = Object.values(networkInterfaces()).flatMap((list) => list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address);
  return found.length > 0 ? found : ['127.0.0.1'];
}
