// The learner's side of the room's API: JSON over fetch with a time limit; a refusal carries the room's own words.

import { SteplabError } from '../../errors.ts';

export interface RoomAddress {
  /** The room's base URL, e.g. http://10.0.0.5:8080. */
  readonly url: string;
}

/** The room answered with an error: its status and message. */
export class RoomRefusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** A room URL as given on the command line: http(s) only, no path beyond /. */
export function checkRoomUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    throw new SteplabError('USAGE', `--room takes the room's address, like http://10.0.0.5:8080, not "${value}"`, 'Copy it from the join command the instructor shows.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SteplabError('USAGE', `--room takes an http:// or https:// address, not "${value}"`);
  return url.origin;
}

/** POST (with a body) or GET `path`; rejects with RoomRefusal for an error answer, or a plain Error when the room cannot be reached. */
export async function call<T>(room: string, path: string, options: { key?: string; body?: unknown; timeoutMs?: number } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(`${room}${path}`, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const data = (await r.json().catch(() => ({}))) as { error?: string };
  if (!r.ok) throw new RoomRefusal(r.status, data.error ?? `HTTP ${r.status}`);
  return data as T;
}

/** Why a call failed, in one line. */
export function whyFailed(error: unknown): string {
  if (error instanceof RoomRefusal) return error.message;
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'the room did not answer in time';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
