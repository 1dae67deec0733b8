// The room's HTTP API through hono's app.request: who may do what, what is refused and why, and what a restart keeps.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomApp } from '../../../src/room/app.ts';
import { BODY_MAX } from '../../../src/room/protocol.ts';
import { JoinLimiter } from '../../../src/room/rate-limit.ts';
import { Room } from '../../../src/room/room.ts';
import { RoomStore } from '../../../src/room/store.ts';

const TOKEN = 'instructor-token-0123456789';
const COURSE = { name: 'course', files: [{ name: '01-a.md', text: '# A' }] };
const OUTLINE = [{ id: 'a', title: 'A', steps: ['one', 'two'] }];

let dir: string;
let rooms: Room[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'steplab-room-test-'));
  rooms = [];
});
afterEach(async () => {
  for (const r of rooms) r.close();
  await rm(dir, { recursive: true, force: true });
});

/** A room on a database file in the test's folder; the same file again is a restart. */
function open(options: { code?: string; token?: string; limiter?: JoinLimiter } = { code: 'ABCD12', token: TOKEN }) {
  const room = new Room({ store: new RoomStore(join(dir, 'room.sqlite')), course: COURSE, outline: OUTLINE, ...options });
  rooms.push(room);
  const app = roomApp(room);
  const send = async (method: string, path: string, body?: unknown, key?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key) headers.authorization = `Bearer ${key}`;
    const r = await app.request(path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    return { status: r.status, body: (await r.json().catch(() => undefined)) as Record<string, any> };
  };
  return { room, send };
}

const events = (seqs: number[]) => ({ events: seqs.map((seq) => ({ seq, at: 1000 + seq, kind: seq === 0 ? 'step-start' : 'step-end', lesson: 'a', step: 0, status: 'passed' })) });

describe('room API', () => {
  it('lets a learner join with the code, take the course and send events; the instructor sees them', async () => {
    const { send } = open();
    const joined = await send('POST', '/api/join', { code: 'abcd12', name: 'Ann' });
    expect(joined.status).toBe(200);
    expect(joined.body.course).toEqual(COURSE);
    const key = joined.body.key as string;
    expect((await send('GET', '/api/course', undefined, key)).body).toEqual(COURSE);
    expect((await send('POST', '/api/events', events([0, 1]), key)).body).toEqual({ stored: 2, notices: [] });
    // The same batch again (its answer was lost): stored once.
    expect((await send('POST', '/api/events', events([0, 1]), key)).body.stored).toBe(0);
    const board = await send('GET', `/api/board?token=${TOKEN}`);
    expect(board.body.rows).toMatchObject([{ name: 'Ann', cells: [{ state: 'done' }, { state: 'todo' }] }]);
  });

  it('folds a late batch whose numbers are lower than earlier ones (a laptop whose clock went back)', async () => {
    const { send } = open();
    const key = (await send('POST', '/api/join', { code: 'ABCD12', name: 'Ann' })).body.key as string;
    await send('POST', '/api/events', { events: [{ seq: 100, at: 1, kind: 'step-start', lesson: 'a', step: 0 }] }, key);
    await send('POST', '/api/events', { events: [{ seq: 5, at: 2, kind: 'check', lesson: 'a', step: 0, passed: false, message: 'ping fails' }] }, key);
    const board = (await send('GET', `/api/board?token=${TOKEN}`)).body;
    expect(board.rows[0].cells[0]).toEqual({ state: 'failing', message: 'ping fails' });
  });

  it('refuses a wrong or missing code, a missing token, and a learner key where the token is needed', async () => {
    const { send } = open();
    expect(await send('POST', '/api/join', { code: 'WRONG1', name: 'Eve' })).toEqual({ status: 403, body: { error: 'wrong join code; check it with the instructor' } });
    expect((await send('POST', '/api/join', { name: 'Eve' })).body.error).toMatch(/no join code/);
    expect(await send('GET', '/api/board')).toMatchObject({ status: 401, body: { error: expect.stringMatching(/instructor token/) } });
    expect((await send('GET', '/api/board', undefined, 'not-the-token')).status).toBe(401);
    const key = (await send('POST', '/api/join', { code: 'ABCD12', name: 'Ann' })).body.key as string;
    expect((await send('GET', '/api/board', undefined, key)).status).toBe(401);
    expect((await send('GET', '/api/learners/1', undefined, key)).status).toBe(401);
    expect((await send('POST', '/api/notices', { to: 'all', kind: 'message', text: 'hi' }, key)).status).toBe(401);
    expect((await send('POST', '/api/events', events([0]), 'made-up-key')).status).toBe(401);
  });

  it('keeps a name to its first holder: someone else with the code cannot take it over', async () => {
    const { send } = open();
    const first = await send('POST', '/api/join', { code: 'ABCD12', name: 'Ann' });
    expect(await send('POST', '/api/join', { code: 'ABCD12', name: 'Ann' })).toMatchObject({ status: 409, body: { error: expect.stringMatching(/"Ann" is taken/) } });
    const again = await send('POST', '/api/join', { code: 'ABCD12', name: 'Ann', key: first.body.key });
    expect(again.body.learner).toEqual(first.body.learner);
  });

  it('refuses hostile and oversized input with a clear error, and loses nothing stored before', async () => {
    const { room, send } = open();
    const key = (await send('POST', '/api/join', { code: 'ABCD12', name: 'Ann' })).body.key as string;
    await send('POST', '/api/events', events([0, 1]), key);
    expect(await send('POST', '/api/join', { code: 'ABCD12', name: '<script>alert(1)</script>' })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/< or >/) } });
    expect((await send('POST', '/api/join', { code: 'ABCD12', name: 'x'.repeat(41) })).body.error).toMatch(/longer than 40/);
    const huge = JSON.stringify({ events: [{ seq: 9, at: 1, kind: 'check', lesson: 'a', step: 0, message: 'm'.repeat(BODY_MAX) }] });
    expect(await send('POST', '/api/events', huge, key)).toMatchObject({ status: 413, body: { error: expect.stringMatching(/larger than 256 KiB/) } });
    expect((await send('POST', '/api/events', { events: [{ seq: 5, at: 1, kind: 'rm -rf', lesson: 'a' }] }, key)).body.error).toMatch(/kind must be one of/);
    expect((await send('POST', '/api/events', '{not json', key)).body.error).toMatch(/not JSON/);
    expect((await send('POST', '/api/notices', { to: 'all', kind: 'message', text: 't'.repeat(2001) }, TOKEN)).body.error).toMatch(/longer than 2000/);
    expect(room.store.eventCount()).toBe(2);
  });

  it('rate-limits wrong codes per address', async () => {
    const { send } = open({ code: 'ABCD12', token: TOKEN, limiter: new JoinLimiter({ failures: 3, attempts: 100 }) });
    for (let i = 0; i < 3; i++) expect((await send('POST', '/api/join', { code: 'NOPE00', name: 'Eve' })).status).toBe(403);
    expect(await send('POST', '/api/join', { code: 'ABCD12', name: 'Eve' })).toMatchObject({ status: 429, body: { error: expect.stringMatching(/too many join attempts .* wait \d+ s/) } });
  });

  it('delivers notices to their learner (and everyone\'s to all) until acknowledged; a learner never sees another\'s', async () => {
    const { send } = open();
    const ann = await send('POST', '/api/join', { code: 'ABCD12', name: 'Ann' });
    const bob = await send('POST', '/api/join', { code: 'ABCD12', name: 'Bob' });
    await send('POST', '/api/notices', { to: ann.body.learner.id, kind: 'hint', text: 'look at the bridge' }, TOKEN);
    await send('POST', '/api/notices', { to: 'all', kind: 'message', text: 'break at 3' }, TOKEN);
    await send('POST', '/api/notices', { to: bob.body.learner.id, kind: 'reset', step: 1 }, TOKEN);
    const annSees = (await send('POST', '/api/events', { events: [] }, ann.body.key)).body.notices;
    expect(annSees.map((n: { text: string }) => n.text)).toEqual(['look at the bridge', 'break at 3']);
    const bobSees = (await send('POST', '/api/events', { events: [] }, bob.body.key)).body.notices;
    expect(bobSees).toMatchObject([{ kind: 'message', text: 'break at 3' }, { kind: 'reset', step: 1 }]);
    const last = annSees.at(-1).id as number;
    expect((await send('POST', '/api/events', { events: [], ack: last }, ann.body.key)).body.notices).toEqual([]);
    expect((await send('POST', '/api/notices', { to: 'all', kind: 'reset' }, TOKEN)).body.error).toMatch(/a reset goes to one learner/);
  });

  it('keeps learners, events, notices, code and token across a restart', async () => {
    const first = open();
    const key = (await first.send('POST', '/api/join', { code: 'ABCD12', name: 'Ann', doctor: { ready: false, verdict: 'not ready: curl is missing', lines: [] } })).body.key as string;
    await first.send('POST', '/api/events', events([0, 1]), key);
    await first.send('POST', '/api/notices', { to: 'all', kind: 'message', text: 'hello' }, TOKEN);
    const before = (await first.send('GET', `/api/board?token=${TOKEN}`)).body;
    first.room.close();
    const second = open({});
    expect(second.room.code).toBe('ABCD12');
    expect(second.room.token).toBe(TOKEN);
    const after = (await second.send('GET', `/api/board?token=${TOKEN}`)).body;
    expect({ ...after, at: 0 }).toEqual({ ...before, at: 0 });
    expect(after.rows[0].doctor).toEqual({ ready: false, verdict: 'not ready: curl is missing' });
    expect((await second.send('POST', '/api/events', { events: [] }, key)).body.notices).toMatchObject([{ text: 'hello' }]);
  });

  it('serves the dashboard with a policy that runs only its own scripts', async () => {
    const { room } = open();
    const r = await roomApp(room).request('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await r.text()).toMatch(/<script src="\/page\/board.js"/);
  });
});
