// The room itself, apart from HTTP: who joined, what they did, what the instructor sent; the board from all of it.

import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { makeBoard, type Board, type OutlineLesson } from './board.ts';
import type { CoursePack } from './course-pack.ts';
import { foldEvent, newLearnerState, type LearnerState } from './learner-state.ts';
import { LiveHub } from './live.ts';
import { checkBatch, checkDoctor, checkName, checkText, Invalid, NOTICE_MAX, Refused, type Notice } from './protocol.ts';
import { JoinLimiter } from './rate-limit.ts';
import { RoomStore, type Learner, type StoredEvent } from './store.ts';

export interface RoomOptions {
  readonly store: RoomStore;
  readonly course: CoursePack;
  readonly outline: readonly OutlineLesson[];
  /** Fixed by --code / --token; otherwise kept from the last run, or made now. */
  readonly code?: string;
  readonly token?: string;
  /** No event for this long at a working or failing step: stuck. */
  readonly stuckMs?: number;
  readonly limiter?: JoinLimiter;
  readonly now?: () => number;
}

/** A join code people can read out and type: 6 letters and digits without look-alikes. */
export function makeCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Whether two secrets are equal, in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(given), h(expected));
}

export class Room {
  readonly store: RoomStore;
  readonly course: CoursePack;
  readonly outline: readonly OutlineLesson[];
  readonly code: string;
  readonly token: string;
  readonly hub = new LiveHub();
  readonly stuckMs: number;
  readonly #states = new Map<number, LearnerState>();
  readonly #limiter: JoinLimiter;
  readonly #now: () => number;
  /** Events taken since the room started, for the bench. */
  received = 0;

  constructor(options: RoomOptions) {
    this.store = options.store;
    this.course = options.course;
    this.outline = options.outline;
    this.#now = options.now ?? Date.now;
    this.#limiter = options.limiter ?? new JoinLimiter(undefined, this.#now);
    this.stuckMs = options.stuckMs ?? 5 * 60_000;
    this.code = options.code ?? this.store.meta('code') ?? makeCode();
    this.token = options.token ?? this.store.meta('token') ?? randomBytes(18).toString('base64url');
    this.store.setMeta('code', this.code);
    this.store.setMeta('token', this.token);
    for (const l of this.store.learners()) this.#states.set(l.id, newLearnerState(l.joinedAt));
    for (const e of this.store.events()) {
      const state = this.#states.get(e.learner);
      if (state) foldEvent(state, e, e.receivedAt);
    }
  }

  /** Whether a token is the instructor's. */
  isInstructor(token: string | undefined): boolean {
    return token !== undefined && sameSecret(token, this.token);
  }

  /** A learner joins with the code and a name, or comes back with the key they were given. */
  join(address: string, body: unknown): { learner: Learner; key: string } {
    const wait = this.#limiter.attempt(address);
    if (wait > 0) throw new Refused(429, `too many join attempts from ${address}; wait ${wait} s and try again`);
    const v = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const code = typeof v.code === 'string' ? v.code.trim().toUpperCase() : '';
    if (code === '' || !sameSecret(code, this.code.toUpperCase())) {
      this.#limiter.failed(address);
      throw new Refused(403, code === '' ? 'no join code; ask the instructor for it and pass --code CODE' : 'wrong join code; check it with the instructor');
    }
    const name = checkName(v.name);
    const doctor = checkDoctor(v.doctor);
    const key = v.key === undefined ? undefined : checkText(v.key, 'key', 100);
    const known = this.store.learnerByName(name);
    if (known !== undefined) {
      if (key === undefined || this.store.learnerByKey(key)?.id !== known.id) throw new Refused(409, `the name "${name}" is taken in this room; join with another --name`);
      this.store.rejoin(known.id, doctor);
      this.hub.changed();
      return { learner: this.store.learner(known.id) as Learner, key };
    }
    const fresh = randomBytes(24).toString('base64url');
    const learner = this.store.addLearner(name, fresh, doctor);
    this.#states.set(learner.id, newLearnerState(learner.joinedAt));
    this.hub.changed();
    return { learner, key: fresh };
  }

  /** The learner a key belongs to, or a 401 refusal. */
  learnerFor(key: string | undefined): Learner {
    const learner = key === undefined ? undefined : this.store.learnerByKey(key);
    if (learner === undefined) throw new Refused(401, 'unknown learner key; join the room again with --room, --code and --name');
    return learner;
  }

  /** A batch of a learner's events: stored, folded; answers with the notices they have not seen. */
  addEvents(key: string | undefined, body: unknown): { stored: number; notices: Notice[] } {
    const learner = this.learnerFor(key);
    const events = checkBatch(body);
    const ack = (body as { ack?: unknown }).ack;
    if (ack !== undefined) {
      if (typeof ack !== 'number' || !Number.isInteger(ack) || ack < 0) throw new Invalid('ack must be a notice id');
      this.store.ackNotices(learner.id, ack);
    }
    const fresh = events.length === 0 ? [] : this.store.addEvents(learner.id, events);
    if (fresh.length > 0) {
      // Fold only what is new: a batch sent again after a lost answer changes nothing.
      const state = this.#states.get(learner.id) ?? newLearnerState(learner.joinedAt);
      this.#states.set(learner.id, state);
      for (const e of fresh) foldEvent(state, e, e.receivedAt);
      this.received += fresh.length;
      this.hub.changed();
    }
    return { stored: fresh.length, notices: this.store.pendingNotices(learner.id) };
  }

  /** A laptop's doctor result, sent once it is known. */
  setDoctor(key: string | undefined, body: unknown): void {
    const learner = this.learnerFor(key);
    const doctor = checkDoctor((body as { doctor?: unknown } | null)?.doctor);
    if (doctor === undefined) throw new Invalid('doctor is missing');
    this.store.setDoctor(learner.id, doctor);
    this.hub.changed();
  }

  /** The board of one lesson (default: where most learners are). */
  board(lesson?: string): Board & { readonly course: string; readonly code: string } {
    const learners = this.store.learners().map((l) => ({ id: l.id, name: l.name, doctor: l.doctor, state: this.#states.get(l.id) ?? newLearnerState(l.joinedAt) }));
    const board = makeBoard(this.outline, learners, { ...(lesson === undefined ? {} : { lesson }), now: this.#now(), stuckMs: this.stuckMs });
    return { ...board, course: this.course.name, code: this.code };
  }

  /** One learner's timeline: every event, and the notices sent to them or everyone. */
  learnerDetail(id: number): { learner: Learner; events: StoredEvent[]; notices: ReturnType<RoomStore['notices']> } {
    const learner = this.store.learner(id);
    if (learner === undefined) throw new Refused(404, `no learner ${id} in this room`);
    return { learner, events: this.store.events(id), notices: this.store.notices().filter((n) => n.learner === undefined || n.learner === id) };
  }

  /** The instructor sends a message or a hint to one learner or everyone, or asks one learner's lab to be reset. */
  notify(body: unknown): Notice {
    const v = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (v.kind !== 'message' && v.kind !== 'hint' && v.kind !== 'reset') throw new Invalid('kind must be message, hint or reset');
    const to = v.to === 'all' ? undefined : v.to;
    if (to !== undefined && (typeof to !== 'number' || this.store.learner(to) === undefined)) throw new Invalid('to must be "all" or a learner id of this room');
    if (v.kind === 'reset' && to === undefined) throw new Invalid('a reset goes to one learner: to must be a learner id');
    let step: number | undefined;
    if (v.step !== undefined && v.step !== null) {
      if (typeof v.step !== 'number' || !Number.isInteger(v.step) || v.step < 0 || v.step > 999) throw new Invalid('step must be a step index from 0');
      step = v.step;
    }
    const text = v.kind === 'reset' ? (v.text === undefined ? '' : checkText(v.text, 'text', NOTICE_MAX)) : checkText(v.text, 'text', NOTICE_MAX);
    if (v.kind !== 'reset' && text.trim() === '') throw new Invalid('text is empty');
    const notice = this.store.addNotice(to as number | undefined, { kind: v.kind, text, ...(step === undefined ? {} : { step }) });
    this.hub.changed();
    return notice;
  }

  close(): void {
    this.hub.close();
    this.store.close();
  }
}
