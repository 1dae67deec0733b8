// Start a room listening on one address (loopback unless told); stop() closes the server and the database, once.

import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { SteplabError } from '../errors.ts';
import { roomApp } from './app.ts';
import type { Room } from './room.ts';

export interface StartedRoom {
  readonly room: Room;
  /** The base URL learners and the dashboard use, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  stop(): Promise<void>;
}

/** `HOST:PORT`, `[v6]:PORT`, `:PORT` or `PORT`; the host defaults to 127.0.0.1. */
export function parseListen(value: string | undefined): { host: string; port: number } {
  const text = value ?? '127.0.0.1:8080';
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*))?:?(\d{1,5})$/.exec(text);
  const port = Number(m?.[3]);
  if (m === null || port > 65535) throw new SteplabError('USAGE', `--listen takes HOST:PORT, not "${text}"`, 'For example --listen 127.0.0.1:8080 (this machine only) or --listen 0.0.0.0:8080 (the classroom network).');
  return { host: m[1] ?? (m[2] || '127.0.0.1'), port };
}

/** Listen on host:port (port 0: any free one). */
export async function startRoom(room: Room, listen: { host: string; port: number }): Promise<StartedRoom> {
  const app = roomApp(room);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: listen.host, port: listen.port });
    s.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? `port ${listen.port} is in use` : error.code === 'EADDRNOTAVAIL' ? `${listen.host} is not an address of this machine` : error.message;
      reject(new SteplabError('USAGE', `the room cannot listen on ${listen.host}:${listen.port}: ${why}`, 'Pick another --listen HOST:PORT.'));
    });
    s.once('listening', () => resolve(s));
    // Longer than a client keeps an idle connection (undici: 4 s), so the room never closes one a learner is reusing.
    Object.assign(s, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let stopped: Promise<void> | undefined;
  return {
    room,
    url: `http://${host}:${address.port}`,
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        room.hub.close();
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(() => room.close());
      return stopped;
    },
  };
}
