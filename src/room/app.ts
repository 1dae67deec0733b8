// The room's HTTP routes (hono): learners join and send events with their key; the instructor's token reads and acts.

import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import { getConnInfo } from '@hono/node-server/conninfo';
import { BODY_MAX, Refused } from './protocol.ts';
import type { Room } from './room.ts';

/** The dashboard's files, served as they are (no build step). */
const PAGES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/learner': 'learner.html',
  '/page/board.js': 'board.js',
  '/page/learner.js': 'learner.js',
  '/page/common.js': 'common.js',
  '/page/style.css': 'style.css',
};
const TYPES: Readonly<Record<string, string>> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

/** `Authorization: Bearer X`, else `?token=X` (an EventSource cannot set headers). */
function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return c.req.query('token') ?? undefined;
}

/** The address a request came from (one bucket for all when the server does not say, as in tests). */
function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The request's JSON body, or a 400 that says so. */
async function json(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new Refused(400, 'the body is not JSON; send Content-Type: application/json and a JSON object');
  }
}

/** The hono app for a room. */
export function roomApp(room: Room): Hono {
  const app = new Hono();
  app.use(secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    referrerPolicy: 'no-referrer',
  }));
  app.use('/api/*', bodyLimit({ maxSize: BODY_MAX, onError: (c) => {
    // The rest of the body is not read: the connection cannot carry another request.
    c.header('connection', 'close');
    return c.json({ error: `the body is larger than ${BODY_MAX / 1024} KiB; send fewer events a batch` }, 413);
  } }));
  app.onError((error, c) => {
    if (error instanceof Refused) return c.json({ error: error.message }, error.status);
    console.error(`room: ${error.stack ?? String(error)}`);
    return c.json({ error: 'the room hit a bug; its terminal shows the details' }, 500);
  });
  app.notFound((c) => c.json({ error: `no such page: ${c.req.path}` }, 404));

  const instructor = (c: Context): void => {
    if (!room.isInstructor(bearer(c))) throw new Refused(401, 'this needs the instructor token: open the dashboard URL that `steplab room` printed');
  };

  app.get('/favicon.ico', (c) => c.body(null, 204));
  for (const [path, file] of Object.entries(PAGES)) {
    app.get(path, async (c) => {
      const text = await readFile(new URL(`./page/${file}`, import.meta.url), 'utf8');
      return c.body(text, 200, { 'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'text/plain', 'cache-control': 'no-store' });
    });
  }

  // Learners.
  app.post('/api/join', async (c) => {
    const address = remoteAddress(c);
    const { learner, key } = room.join(address, await json(c));
    return c.json({ learner: { id: learner.id, name: learner.name }, key, course: room.course });
  });
  app.get('/api/course', (c) => {
    room.learnerFor(bearer(c));
    return c.json(room.course);
  });
  app.post('/api/events', async (c) => c.json(room.addEvents(bearer(c), await json(c))));
  app.post('/api/doctor', async (c) => {
    room.setDoctor(bearer(c), await json(c));
    return c.json({ ok: true });
  });

  // The instructor.
  app.get('/api/board', (c) => {
    instructor(c);
    return c.json(room.board(c.req.query('lesson')));
  });
  app.get('/api/learners/:id', (c) => {
    instructor(c);
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) throw new Refused(400, 'a learner id is a number');
    return c.json(room.learnerDetail(id));
  });
  app.post('/api/notices', async (c) => {
    instructor(c);
    return c.json(room.notify(await json(c)));
  });
  app.get('/api/stream', (c) => {
    instructor(c);
    const lesson = c.req.query('lesson');
    return streamSSE(c, async (stream) => {
      let id = 0;
      const send = () => void stream.writeSSE({ event: 'board', id: String(++id), data: JSON.stringify(room.board(lesson)) }).catch(() => {});
      send();
      const stop = room.hub.listen(send);
      // Stuck is a matter of time passing: send the board now and then even when nothing happens.
      const tick = setInterval(send, 15_000);
      await new Promise<void>((done) => stream.onAbort(done));
      clearInterval(tick);
      stop();
    });
  });
  return app;
}
