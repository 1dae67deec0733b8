// The learner's outbox: push never waits, events wait while the room is away and go once it is back, each once.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Outbox } from '../../../src/room/client/outbox.ts';
import type { Notice, RoomEvent } from '../../../src/room/protocol.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => {
  if (!server) return done();
  server.close(() => done());
  server.closeAllConnections();
}));

/** A stand-in room: answers 503 while `up` is false; stores events by seq; hands out one notice. */
async function fakeRoom() {
  const state = { up: false, stored: new Map<number, RoomEvent>(), requests: 0, acks: [] as number[] };
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      state.requests++;
      if (!state.up) {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"away"}');
        return;
      }
      const parsed = JSON.parse(body) as { events: RoomEvent[]; ack: number };
      state.acks.push(parsed.ack);
      for (const e of parsed.events) state.stored.set(e.seq, e);
      const notices: Notice[] = parsed.ack >= 7 ? [] : [{ id: 7, kind: 'message', text: 'hello' }];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ stored: parsed.events.length, notices }));
    });
  });
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  return { state, url: `http://127.0.0.1:${(server?.address() as AddressInfo).port}` };
}

describe('Outbox', () => {
  it('queues at once while the room is away, then sends everything when it is back', async () => {
    const { state, url } = await fakeRoom();
    const notices: Notice[][] = [];
    const outbox = new Outbox({ room: url, key: 'k', onNotices: (n) => notices.push([...n]), pollMs: 50, firstSeq: 1 });
    const started = performance.now();
    for (let i = 0; i < 500; i++) outbox.push({ kind: 'check', lesson: 'l', step: 0, passed: true });
    // No network wait in push: 500 of them take far less than one round trip to a room that is away.
    expect(performance.now() - started).toBeLessThan(200);
    await vi.waitFor(() => expect(outbox.lastError).toBe('away'), { timeout: 10_000 });
    expect(state.stored.size).toBe(0);
    expect(outbox.pending).toBe(500);
    state.up = true;
    expect(await outbox.drain(20_000)).toBe(0);
    expect([...state.stored.keys()]).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(notices[0]).toEqual([{ id: 7, kind: 'message', text: 'hello' }]);
  });

  it('polls for notices when idle and acknowledges the ones shown', async () => {
    const { state, url } = await fakeRoom();
    state.up = true;
    let seen = 0;
    const outbox = new Outbox({ room: url, key: 'k', onNotices: () => seen++, pollMs: 20 });
    await vi.waitFor(() => expect(seen).toBeGreaterThan(1), { timeout: 10_000 });
    outbox.ack(7);
    await vi.waitFor(() => expect(state.acks.at(-1)).toBe(7), { timeout: 10_000 });
    await outbox.drain(1000);
  });

  it('gives up within the time given when the room never comes back, and says how many are left', async () => {
    const { url } = await fakeRoom();
    const outbox = new Outbox({ room: url, key: 'k', onNotices: () => {} });
    outbox.push({ kind: 'step-start', lesson: 'l', step: 0 });
    const started = performance.now();
    expect(await outbox.drain(600)).toBe(1);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
