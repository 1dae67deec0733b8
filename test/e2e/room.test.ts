// The workshop room end to end: the real `steplab room` on loopback, 30 learners running `steplab verify --room` at
// once (a few at a time, for a 2-core machine), the API and the page in headless Chromium, refusals, and a restart.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';
import { BIN, CHROMIUM, CHROMIUM_ARGS, chromiumUnavailable, pool, startRoomProcess, type RoomProcess } from '../support/room.ts';

const COURSE = join(import.meta.dirname, '../fixtures/room');
const CODE = 'JOIN42';
const TOKEN = 'e2e-instructor-token-0123456789';
const LEARNERS = Number(process.env.STEPLAB_ROOM_E2E_LEARNERS ?? 30);
/** Learners running at once: each starts two sandboxes (its lesson and its doctor). */
const AT_ONCE = Number(process.env.STEPLAB_ROOM_E2E_JOBS ?? 4);

const skip = await sandboxUnavailable('the room end-to-end tests');
const noBrowser = skip ? undefined : chromiumUnavailable();

describe.skipIf(skip)('steplab room', () => {
  let dir: string;
  let room: RoomProcess;
  const names = Array.from({ length: LEARNERS }, (_, i) => `Learner ${String(i + 1).padStart(2, '0')}`);
  const stateOf = (name: string) => join(dir, 'laptops', name.replace(' ', '-'));
  const api = async (path: string, init: RequestInit & { token?: string | false } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token !== false) headers.set('authorization', `Bearer ${init.token ?? TOKEN}`);
    if (init.body) headers.set('content-type', 'application/json');
    const r = await fetch(`${room.url}${path}`, { ...init, headers });
    return { status: r.status, body: (await r.json()) as any };
  };
  const verify = (name: string, extra: string[] = [], env: Record<string, string> = {}) =>
    runCommand(process.execPath, [BIN, 'verify', '--room', room.url, '--code', CODE, '--name', name, ...extra], { timeoutMs: 300_000, env: { STEPLAB_STATE_DIR: stateOf(name), ...env } });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'steplab-room-e2e-'));
    room = await startRoomProcess([COURSE, '--listen', '127.0.0.1:0', '--data', join(dir, 'room.sqlite'), '--code', CODE, '--token', TOKEN]);
  });
  afterAll(async () => {
    await room?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the join command and the dashboard URL, listening on loopback only', () => {
    expect(room.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(room.output()).toContain(`steplab --room ${room.url} --code ${CODE} --name "Your Name"`);
    expect(room.output()).toContain(`${room.url}/?token=${TOKEN}`);
  });

  it(`runs ${LEARNERS} learners' verify --room at once; the API shows each one's progress and doctor verdict`, { timeout: 1_200_000 }, async () => {
    const started = performance.now();
    const runs = await pool(names, AT_ONCE, (name) => verify(name));
    console.log(`room e2e: ${LEARNERS} learners, ${AT_ONCE} at a time, in ${Math.round((performance.now() - started) / 1000)} s`);
    for (const [i, r] of runs.entries()) {
      expect(r.stderr, names[i]).toMatch(/Joined the room at .* as Learner/);
      expect(r.exitCode, `${names[i]}: ${r.stdout}${r.stderr}`).toBe(0);
    }
    const board = (await api('/api/board')).body;
    expect(board.lesson).toBe('room-namespaces');
    expect(board.rows.map((r: any) => r.name)).toEqual(names);
    for (const row of board.rows) {
      expect(row.cells.map((c: any) => c.state), row.name).toEqual(['done', 'done', 'done']);
      expect(row.doctor, row.name).toMatchObject({ ready: true, verdict: expect.stringMatching(/^ready: /) });
    }
    expect(board.counts).toEqual([0, 1, 2].map(() => ({ done: LEARNERS, working: 0, failing: 0, stuck: 0 })));
    const timeline = (await api(`/api/learners/${board.rows[0].id}`)).body;
    expect(timeline.events.map((e: any) => `${e.kind}${e.step ?? ''}`)).toEqual(['lesson-start', 'step-start0', 'check0', 'step-end0', 'step-start1', 'check1', 'step-end1', 'step-start2', 'check2', 'step-end2', 'lesson-end']);
  });

  it.skipIf(noBrowser)('the page in headless Chromium shows every learner, updates live, and shows hostile text as text', { timeout: 120_000 }, async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const alerts: string[] = [];
      page.on('dialog', (d) => void (alerts.push(d.message()), d.dismiss()));
      await page.goto(`${room.url}/?token=${TOKEN}`);
      await page.waitForFunction(`document.querySelectorAll('#rows tr').length === ${LEARNERS}`);
      expect(page.url()).toBe(`${room.url}/`);
      expect(await page.locator('#rows td.cell.done').count()).toBe(LEARNERS * 3);
      expect(await page.locator('#rows td.ready').count()).toBe(LEARNERS);
      const firstRow = await page.locator('#rows tr').first().locator('th').innerText();
      expect(firstRow).toBe(names[0]);

      // A learner's steplab says a check failed, with a message made to break the page.
      const keys = JSON.parse(await readFile(join(stateOf(names[2] as string), 'room-keys.json'), 'utf8')) as Record<string, string>;
      const key = Object.values(keys)[0] as string;
      const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> ping 198.51.100.10 from c1 fails';
      const sent = performance.now();
      const posted = await api('/api/events', { method: 'POST', token: key, body: JSON.stringify({ events: [{ seq: Number.MAX_SAFE_INTEGER - 1, at: Date.now(), kind: 'step-start', lesson: 'room-namespaces', step: 1 }, { seq: Number.MAX_SAFE_INTEGER, at: Date.now(), kind: 'check', lesson: 'room-namespaces', step: 1, passed: false, message: hostile }] }) });
      expect(posted.status).toBe(200);
      const cell = page.locator('#rows tr').nth(2).locator('td.cell').nth(1);
      await cell.and(page.locator('.failing')).waitFor();
      console.log(`room e2e: the page showed the failing check ${Math.round(performance.now() - sent)} ms after it was sent`);
      expect(await cell.getAttribute('title')).toContain(hostile);
      expect(await page.locator("#sentences li").first().innerText()).toBe(`1 of ${LEARNERS} failing step 2: ${hostile}`);
      expect(await page.locator('img').count()).toBe(0);
      expect(alerts).toEqual([]);

      // The learner's own page: their timeline, the failing check in words.
      await page.locator('#rows tr').nth(2).locator('th a').click();
      await page.waitForSelector('#events tr');
      expect(await page.locator('#name').innerText()).toBe(names[2]);
      expect(await page.locator('#events').innerText()).toContain(`a check failed: ${hostile}`);
      expect(await page.locator('img').count()).toBe(0);
    } finally {
      await browser?.close();
    }
  });

  it('refuses a wrong code, a hostile name, a missing token and an oversized batch with clear errors, losing nothing', { timeout: 120_000 }, async () => {
    const before = (await api('/api/board')).body;
    const wrong = await runCommand(process.execPath, [BIN, 'verify', '--room', room.url, '--code', 'NOPE99', '--name', 'Eve'], { timeoutMs: 60_000, env: { STEPLAB_STATE_DIR: join(dir, 'eve') } });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toBe(`steplab: the room at ${room.url} refused to let you join: wrong join code; check it with the instructor\n`);
    const hostile = await runCommand(process.execPath, [BIN, 'verify', '--room', room.url, '--code', CODE, '--name', '<b onmouseover=alert(1)>Eve</b>'], { timeoutMs: 60_000, env: { STEPLAB_STATE_DIR: join(dir, 'eve') } });
    expect(hostile.exitCode).toBe(2);
    expect(hostile.stderr).toBe('steplab: --name: name holds < or >; use letters, digits and spaces\n');
    expect(await api('/api/board', { token: false })).toEqual({ status: 401, body: { error: 'this needs the instructor token: open the dashboard URL that `steplab room` printed' } });
    const big = await api('/api/join', { method: 'POST', token: false, body: JSON.stringify({ code: CODE, name: 'Eve', doctor: { ready: true, verdict: 'x'.repeat(300_000), lines: [] } }) });
    expect(big).toEqual({ status: 413, body: { error: 'the body is larger than 256 KiB; send fewer events a batch' } });
    const after = (await api('/api/board')).body;
    expect({ ...after, at: 0 }).toEqual({ ...before, at: 0 });
  });

  it('shows the instructor`s message in a learner`s terminal between steps; the learner comes back as the same learner', { timeout: 300_000 }, async () => {
    const board = (await api('/api/board')).body;
    const second = board.rows[1];
    expect((await api('/api/notices', { method: 'POST', body: JSON.stringify({ to: second.id, kind: 'hint', text: 'Look at ip netns list' }) })).status).toBe(200);
    const r = await verify(second.name);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stderr).toContain('A hint from your instructor: Look at ip netns list');
    const after = (await api('/api/board')).body;
    expect(after.rows).toHaveLength(LEARNERS);
    expect((await api(`/api/learners/${second.id}`)).body.events.filter((e: any) => e.kind === 'lesson-start')).toHaveLength(2);
  });

  it('keeps everything across a restart, code and token included', { timeout: 120_000 }, async () => {
    const before = (await api('/api/board')).body;
    expect(await room.stop()).toBe(0);
    room = await startRoomProcess([COURSE, '--listen', '127.0.0.1:0', '--data', join(dir, 'room.sqlite')]);
    expect(room.output()).toContain(`--code ${CODE}`);
    const after = (await api('/api/board')).body;
    expect({ ...after, at: 0 }).toEqual({ ...before, at: 0 });
    expect(after.rows).toHaveLength(LEARNERS);
  });
});
