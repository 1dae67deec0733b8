// Join a workshop room: the code and a name (or the key from an earlier join), the course written to a folder of its own.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SteplabError } from '../../errors.ts';
import { writeFileAtomic } from '../../progress/atomic-write.ts';
import { SAFE_COURSE, SAFE_FILE, type CoursePack } from '../course-pack.ts';
import { checkName, Invalid } from '../protocol.ts';
import { call, RoomRefusal, whyFailed } from './http.ts';

export interface Joined {
  readonly room: string;
  readonly learner: { readonly id: number; readonly name: string };
  readonly key: string;
  /** The room's course, written to a temporary folder named as the instructor's; removed by dispose(). */
  readonly courseDir: string;
  dispose(): Promise<void>;
}

/** Where keys from earlier joins are kept (one a room and name), so the same laptop comes back as the same learner. */
const keysFile = (state: string) => join(state, 'room-keys.json');

async function readKeys(state: string): Promise<Record<string, string>> {
  try {
    const parsed = JSON.parse(await readFile(keysFile(state), 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Join `room` as `name`; a refusal or an unreachable room is a SteplabError saying what to do. */
export async function joinRoom(room: string, code: string, name: string, state: string): Promise<Joined> {
  try {
    checkName(name);
  } catch (error) {
    if (error instanceof Invalid) throw new SteplabError('USAGE', `--name: ${error.message}`);
    throw error;
  }
  const keys = await readKeys(state);
  const slot = `${room}#${name.trim()}`;
  let answer: { learner: { id: number; name: string }; key: string; course: CoursePack };
  try {
    answer = await call(room, '/api/join', { body: { code, name, ...(keys[slot] ? { key: keys[slot] } : {}) } });
  } catch (error) {
    if (error instanceof RoomRefusal) throw new SteplabError('ROOM_REFUSED', `the room at ${room} refused to let you join: ${error.message}`);
    throw new SteplabError('ROOM_UNAVAILABLE', `cannot reach the room at ${room}: ${whyFailed(error)}`, 'Check the address with your instructor, and that this laptop is on the classroom network.');
  }
  await writeFileAtomic(keysFile(state), `${JSON.stringify({ ...keys, [slot]: answer.key }, null, 2)}\n`);
  const pack = answer.course;
  if (!SAFE_COURSE.test(pack.name) || pack.files.some((f) => !SAFE_FILE.test(f.name) || typeof f.text !== 'string')) {
    throw new SteplabError('ROOM_REFUSED', `the room at ${room} sent a course with unexpected file names`, 'Ask your instructor to check the room; nothing was written.');
  }
  const top = await mkdtemp(join(tmpdir(), 'steplab-room-'));
  const courseDir = join(top, pack.name);
  await mkdir(courseDir);
  for (const f of pack.files) await writeFile(join(courseDir, f.name), f.text, 'utf8');
  return { room, learner: answer.learner, key: answer.key, courseDir, dispose: () => rm(top, { recursive: true, force: true }) };
}
