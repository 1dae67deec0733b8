// Events on their way to the room: queued at once (the learner never waits), sent in batches in the background,
// kept and sent again while the room is away; the answers bring the instructor's notices.

import { BATCH_MAX, type Notice, type RoomEvent } from '../protocol.ts';
import { call, RoomRefusal, whyFailed } from './http.ts';

type NewEvent = Omit<RoomEvent, 'seq' | 'at'>;

export interface OutboxOptions {
  readonly room: string;
  readonly key: string;
  /** The notices the room holds for this learner (all of them since the last ack). */
  readonly onNotices: (notices: readonly Notice[]) => void;
  /** How often to ask for notices when there is nothing to send. */
  readonly pollMs?: number;
  /** The first sequence number (a learner joining again goes on from where they were). */
  readonly firstSeq?: number;
  readonly now?: () => number;
}

export class Outbox {
  readonly #options: OutboxOptions;
  readonly #queue: RoomEvent[] = [];
  #seq: number;
  #ack = 0;
  #timer: NodeJS.Timeout | undefined;
  #sending: Promise<void> | undefined;
  #failures = 0;
  #closed = false;
  /** Why the last send failed, while the room is away. */
  lastError: string | undefined;

  constructor(options: OutboxOptions) {
    this.#options = options;
    this.#seq = options.firstSeq ?? Date.now() * 1000;
    this.#schedule(0);
  }

  /** Queue an event; returns at once. */
  push(event: NewEvent): void {
    if (this.#closed) return;
    this.#queue.push({ ...event, seq: this.#seq++, at: (this.#options.now ?? Date.now)() });
    if (this.#sending === undefined) this.#schedule(0);
  }

  /** Notices up to this id were shown: told to the room with the next batch. */
  ack(id: number): void {
    this.#ack = Math.max(this.#ack, id);
  }

  get pending(): number {
    return this.#queue.length;
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    this.#timer = setTimeout(() => void this.#send(), ms);
    this.#timer.unref();
  }

  /** Send one batch (or an empty one to fetch notices); on failure keep it and try again later, waiting longer each time. */
  async #send(): Promise<void> {
    if (this.#sending) return this.#sending;
    const batch = this.#queue.slice(0, BATCH_MAX);
    this.#sending = (async () => {
      try {
        const answer = await call<{ stored: number; notices: Notice[] }>(this.#options.room, '/api/events', { key: this.#options.key, body: { events: batch, ack: this.#ack }, timeoutMs: 10_000 });
        this.#queue.splice(0, batch.length);
        this.#failures = 0;
        this.lastError = undefined;
        if (answer.notices.length > 0) this.#options.onNotices(answer.notices);
      } catch (error) {
        // A batch the room refuses as invalid would be refused forever: drop it rather than block the rest.
        if (error instanceof RoomRefusal && error.status === 400) this.#queue.splice(0, batch.length);
        else this.#failures++;
        this.lastError = whyFailed(error);
      } finally {
        this.#sending = undefined;
      }
    })();
    await this.#sending;
    const backoff = Math.min(15_000, 500 * 2 ** Math.min(this.#failures, 5));
    this.#schedule(this.#failures > 0 ? backoff : this.#queue.length > 0 ? 0 : (this.#options.pollMs ?? 2000));
  }

  /** Send what is queued, trying for at most `withinMs`; returns how many events are left unsent. Stops the polling. */
  async drain(withinMs: number): Promise<number> {
    const until = Date.now() + withinMs;
    clearTimeout(this.#timer);
    this.#closed = true;
    while (Date.now() < until) {
      await this.#sending;
      if (this.#queue.length === 0) break;
      const before = this.#queue.length;
      await this.#send().catch(() => {});
      clearTimeout(this.#timer);
      if (this.#queue.length >= before) await new Promise((r) => setTimeout(r, Math.min(500, Math.max(0, until - Date.now()))));
    }
    clearTimeout(this.#timer);
    return this.#queue.length;
  }
}
