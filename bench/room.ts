// The workshop room under 30 learners: events a second it takes (batches of 1 and of 20) and the dashboard's
// update delay (an event sent → the board that shows it, over the SSE stream and in headless Chromium when present).
// Called by bench/run.ts; alone: node bench/room.ts [--learners N] [--seconds S]

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Room } from '../src/room/room.ts';
import { startRoom, type StartedRoom } from '../src/room/serve.ts';
import { RoomStore } from '../src/room/store.ts';

const OUTLINE = [{ id: 'bench', title: 'Bench', steps: ['one', 'two', 'three', 'four'] }];
const TOKEN = 'bench-instructor-token-0123456789';

interface Learner {
  readonly id: number;
  readonly key: string;
  seq: number;
}

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

async function post(url: string, path: string, body: unknown, key?: string): Promise<any> {
  const r = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** A batch of `n` of one learner's events: checks passing at their step. */
function batch(l: Learner, n: number) {
  return { events: Array.from({ length: n }, () => ({ seq: l.seq++, at: Date.now(), kind: 'check', lesson: 'bench', step: l.seq % 4, passed: true })) };
}

/** Every learner sends batches of `size`, one after another, for `seconds`; events stored a second. */
async function throughput(started: StartedRoom, learners: readonly Learner[], size: number, seconds: number): Promise<number> {
  const before = started.room.received;
  const t = performance.now();
  const until = t + seconds * 1000;
  await Promise.all(learners.map(async (l) => {
    while (performance.now() < until) await post(started.url, '/api/events', batch(l, size), l.key);
  }));
  return ((started.room.received - before) * 1000) / (performance.now() - t);
}

/** Background load while delays are measured: each learner sends one event every `everyMs`. */
function background(started: StartedRoom, learners: readonly Learner[], everyMs: number): () => Promise<void> {
  let on = true;
  const loops = learners.map(async (l) => {
    while (on) {
      await post(started.url, '/api/events', batch(l, 1), l.key).catch((error: unknown) => {
        if (on) throw error;
      });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  });
  return async () => {
    on = false;
    await Promise.all(loops);
  };
}

/** Read the board stream as the dashboard does; `waitFor(pred)` resolves at the first board matching. */
async function boardStream(url: string) {
  const controller = new AbortController();
  const r = await fetch(`${url}/api/stream?token=${TOKEN}`, { signal: controller.signal });
  const reader = (r.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const waiters: { pred: (b: any) => boolean; done: (at: number) => void }[] = [];
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
        if (!data) continue;
        const board = JSON.parse(data);
        const at = performance.now();
        for (const w of waiters.splice(0)) (w.pred(board) ? w.done(at) : waiters.push(w));
      }
    }
  })();
  return {
    waitFor: (pred: (b: any) => boolean) => new Promise<number>((done) => waiters.push({ pred, done })),
    close: () => controller.abort(),
  };
}

/** The probe learner's cell at step 0 carries this message. */
const shows = (probe: Learner, message: string) => (board: any) => board.rows.some((r: any) => r.id === probe.id && r.cells[0]?.message === message);

/** Delays over the SSE stream: a failing check with a new message each time, until the board shows it. */
async function streamDelays(started: StartedRoom, probe: Learner, rounds: number): Promise<number[]> {
  const stream = await boardStream(started.url);
  const delays: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const message = `probe ${i}`;
    const seen = stream.waitFor(shows(probe, message));
    const t = performance.now();
    await post(started.url, '/api/events', { events: [{ seq: probe.seq++, at: Date.now(), kind: 'check', lesson: 'bench', step: 0, passed: false, message }] }, probe.key);
    delays.push((await seen) - t);
  }
  stream.close();
  return delays;
}

/** The same in the real page in headless Chromium: until the cell's tooltip holds the new message. */
async function pageDelays(started: StartedRoom, probe: Learner, rounds: number): Promise<number[] | string> {
  if (!existsSync('/usr/bin/chromium')) return 'chromium is not installed';
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS } = await import('../test/support/room.ts');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${started.url}/?token=${TOKEN}`);
    await page.waitForSelector('#rows tr');
    const delays: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const message = `page probe ${i}`;
      const t = performance.now();
      await post(started.url, '/api/events', { events: [{ seq: probe.seq++, at: Date.now(), kind: 'check', lesson: 'bench', step: 0, passed: false, message }] }, probe.key);
      await page.locator(`#rows td.cell[title*=${JSON.stringify(message)}]`).first().waitFor();
      delays.push(performance.now() - t);
    }
    return delays;
  } finally {
    await browser.close();
  }
}

/** The room's figures as Markdown lines. */
export async function roomFigures(options: { learners?: number; seconds?: number } = {}): Promise<string[]> {
  const n = options.learners ?? 30;
  const seconds = options.seconds ?? 5;
  const dir = await mkdtemp(join(tmpdir(), 'steplab-bench-room-'));
  const room = new Room({ store: new RoomStore(join(dir, 'room.sqlite')), course: { name: 'bench', files: [] }, outline: OUTLINE, code: 'BENCH1', token: TOKEN });
  const started = await startRoom(room, { host: '127.0.0.1', port: 0 });
  try {
    const learners: Learner[] = [];
    for (let i = 0; i < n + 1; i++) {
      const joined = await post(started.url, '/api/join', { code: 'BENCH1', name: `learner ${i}` });
      learners.push({ id: joined.learner.id, key: joined.key, seq: 1 });
    }
    const probe = learners.pop() as Learner;
    const one = await throughput(started, learners, 1, seconds);
    const twenty = await throughput(started, learners, 20, seconds);
    // A workshop's learner sends an event every few seconds; each sends one a second here (30 a second in all).
    const stop = background(started, learners, 1000);
    const [before, t] = [started.room.received, performance.now()];
    let stream: number[];
    let page: number[] | string;
    try {
      stream = await streamDelays(started, probe, 30);
      page = await pageDelays(started, probe, 20);
    } finally {
      await stop();
    }
    const rate = ((started.room.received - before) * 1000) / (performance.now() - t);
    const fmt = (xs: number[]) => `median ${percentile(xs, 50).toFixed(0)} ms, 95th percentile ${percentile(xs, 95).toFixed(0)} ms (${xs.length} updates)`;
    return [
      `| workshop room, ${n} learners on loopback | figure |`,
      '| --- | --- |',
      `| events a second taken, one event a request | ${one.toFixed(0)} |`,
      `| events a second taken, 20 events a request | ${twenty.toFixed(0)} |`,
      `| board update delay over the SSE stream (event sent → board received), while the ${n} learners sent ${rate.toFixed(0)} events a second | ${fmt(stream)} |`,
      `| page update delay in headless Chromium (event sent → the cell shows it) | ${typeof page === 'string' ? `n/a: ${page}` : fmt(page)} |`,
      '',
      `The room sends at most one board every ${100} ms to each dashboard, so a delay includes up to 100 ms of coalescing.`,
    ];
  } finally {
    await started.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { learners: { type: 'string' }, seconds: { type: 'string' } } });
  const { loadavg } = await import('node:os');
  console.log(`load average at the start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  for (const line of await roomFigures({ learners: Number(values.learners ?? 30), seconds: Number(values.seconds ?? 5) })) console.log(line);
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}
