// What learners and the instructor send the room, checked before anything is stored: kinds, sizes, lengths.

/** Longest name a learner may give; longer is refused, not cut. */
export const NAME_MAX = 40;
/** Longest text of one event's message (a failing check's message), of an instructor's message. */
export const MESSAGE_MAX = 500;
export const NOTICE_MAX = 2000;
/** Most events in one batch; the client sends more in several. */
export const BATCH_MAX = 200;
/** Largest request body the room reads, in bytes. */
export const BODY_MAX = 256 * 1024;

export const EVENT_KINDS = ['lesson-start', 'step-start', 'check', 'hint', 'solution', 'step-end', 'lesson-end'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One thing that happened at a learner's laptop. `seq` counts up per learner, so a batch sent twice is stored once. */
export interface RoomEvent {
  readonly seq: number;
  /** Milliseconds since the epoch, at the learner's laptop. */
  readonly at: number;
  readonly kind: EventKind;
  readonly lesson: string;
  /** The step's index from 0 (absent for lesson-start and lesson-end). */
  readonly step?: number;
  /** check, step-end, lesson-end: whether it passed (step-end: 'passed' | 'failed' | 'skipped' in status). */
  readonly passed?: boolean;
  readonly status?: string;
  /** A failing check's message, or why a step failed. */
  readonly message?: string;
  readonly durationMs?: number;
}

/** A laptop's doctor result, as sent on join. */
export interface DoctorReport {
  readonly ready: boolean;
  readonly verdict: string;
  readonly lines: readonly string[];
}

/** What the instructor sends one learner or everyone, delivered between steps. */
export interface Notice {
  readonly id: number;
  readonly kind: 'message' | 'hint' | 'reset';
  readonly text: string;
  /** reset: the step the learner's lab goes back to the start of (index from 0), or absent for "the step you are on". */
  readonly step?: number;
}

/** A request the room refuses: the HTTP status, and what is wrong in words for the sender. */
export class Refused extends Error {
  readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429;
  constructor(status: Refused['status'], message: string) {
    super(message);
    this.status = status;
  }
}

/** A value that failed validation (400). */
export class Invalid extends Refused {
  constructor(message: string) {
    super(400, message);
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** A learner's name: trimmed, 1–NAME_MAX characters, no control characters, no markup. */
export function checkName(value: unknown): string {
  if (typeof value !== 'string') throw new Invalid('name is missing; join with --name "Your Name"');
  const name = value.trim().normalize('NFC');
  if (name === '') throw new Invalid('name is empty; join with --name "Your Name"');
  if ([...name].length > NAME_MAX) throw new Invalid(`name is longer than ${NAME_MAX} characters; use a shorter one`);
  if (CONTROL.test(name)) throw new Invalid('name holds control characters; use letters, digits and spaces');
  if (/[<>]/.test(name)) throw new Invalid('name holds < or >; use letters, digits and spaces');
  return name;
}

/** A short text: a string of at most `max` characters (control characters other than newline and tab refused). */
export function checkText(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string') throw new Invalid(`${what} must be text`);
  if (value.length > max) throw new Invalid(`${what} is longer than ${max} characters`);
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) throw new Invalid(`${what} holds control characters`);
  return value;
}

function checkInt(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new Invalid(`${what} must be a whole number from ${min} to ${max}`);
  return value;
}

/** One event of a batch, checked field by field; unknown fields are dropped. */
export function checkEvent(value: unknown, index: number): RoomEvent {
  const at = `event ${index}`;
  if (typeof value !== 'object' || value === null) throw new Invalid(`${at} is not an object`);
  const v = value as Record<string, unknown>;
  if (!(EVENT_KINDS as readonly unknown[]).includes(v.kind)) throw new Invalid(`${at}: kind must be one of ${EVENT_KINDS.join(', ')}`);
  const event: { -readonly [K in keyof RoomEvent]: RoomEvent[K] } = {
    seq: checkInt(v.seq, `${at}: seq`, 0, Number.MAX_SAFE_INTEGER),
    at: checkInt(v.at, `${at}: at`, 0, Number.MAX_SAFE_INTEGER),
    kind: v.kind as EventKind,
    lesson: checkText(v.lesson, `${at}: lesson`, 100),
  };
  if (v.step !== undefined) event.step = checkInt(v.step, `${at}: step`, 0, 999);
  if (v.passed !== undefined) {
    if (typeof v.passed !== 'boolean') throw new Invalid(`${at}: passed must be true or false`);
    event.passed = v.passed;
  }
  if (v.status !== undefined) event.status = checkText(v.status, `${at}: status`, 20);
  if (v.message !== undefined) event.message = checkText(v.message, `${at}: message`, MESSAGE_MAX);
  if (v.durationMs !== undefined) event.durationMs = checkInt(v.durationMs, `${at}: durationMs`, 0, 7 * 24 * 3600_000);
  return event;
}

/** A batch of events: an array of at most BATCH_MAX. */
export function checkBatch(value: unknown): RoomEvent[] {
  const events = (value as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new Invalid('events must be an array');
  if (events.length > BATCH_MAX) throw new Invalid(`at most ${BATCH_MAX} events a batch, not ${events.length}`);
  return events.map(checkEvent);
}

/** A doctor report from a laptop, or undefined when none was sent. */
export function checkDoctor(value: unknown): DoctorReport | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.ready !== 'boolean') throw new Invalid('doctor.ready must be true or false');
  const lines = Array.isArray(v.lines) ? v.lines : [];
  if (lines.length > 100) throw new Invalid('doctor.lines: at most 100 lines');
  return { ready: v.ready, verdict: checkText(v.verdict, 'doctor.verdict', MESSAGE_MAX), lines: lines.map((l, i) => checkText(l, `doctor.lines[${i}]`, 300)) };
}
