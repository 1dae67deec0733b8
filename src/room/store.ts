// The room's state in one SQLite file (node:sqlite): learners, their events, the instructor's notices, the course.
// Every write is committed before the room answers, so a restart loses nothing that was acknowledged.

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from './sqlite.ts';
import type { DoctorReport, Notice, RoomEvent } from './protocol.ts';

export interface Learner {
  readonly id: number;
  readonly name: string;
  readonly joinedAt: number;
  readonly lastSeen: number;
  readonly doctor: DoctorReport | undefined;
}

export interface StoredEvent extends RoomEvent {
  readonly learner: number;
  readonly receivedAt: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS learners (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key_hash TEXT NOT NULL UNIQUE,
  joined_at INTEGER NOT NULL, last_seen INTEGER NOT NULL, doctor TEXT, notice_cursor INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS events (
  learner INTEGER NOT NULL REFERENCES learners(id), seq INTEGER NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL,
  lesson TEXT NOT NULL, step INTEGER, passed INTEGER, status TEXT, message TEXT, duration_ms INTEGER,
  received_at INTEGER NOT NULL, PRIMARY KEY (learner, seq));
CREATE TABLE IF NOT EXISTS notices (
  id INTEGER PRIMARY KEY AUTOINCREMENT, learner INTEGER REFERENCES learners(id), kind TEXT NOT NULL,
  text TEXT NOT NULL, step INTEGER, created_at INTEGER NOT NULL);
`;

/** sha256 of a learner's key: the file never holds a key that would let someone post as a learner. */
export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

type Row = Record<string, unknown>;

export class RoomStore {
  readonly #db: DatabaseSync;
  readonly #insertEvent: StatementSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #now: () => number;

  /** Open (or create) the database at `file` (`:memory:` for tests). */
  constructor(file: string, now: () => number = Date.now) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    this.#db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    this.#db.exec(SCHEMA);
    this.#insertEvent = this.#db.prepare(
      'INSERT OR IGNORE INTO events (learner, seq, at, kind, lesson, step, passed, status, message, duration_ms, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#now = now;
  }

  /** A statement prepared once and kept: most requests run the same few. */
  #sql(text: string): StatementSync {
    let statement = this.#statements.get(text);
    if (statement === undefined) this.#statements.set(text, (statement = this.#db.prepare(text)));
    return statement;
  }

  /** A value kept across restarts (join code, token, course), or undefined. */
  meta(key: string): string | undefined {
    const row = this.#sql('SELECT value FROM meta WHERE key = ?').get(key) as Row | undefined;
    return row === undefined ? undefined : String(row.value);
  }

  setMeta(key: string, value: string): void {
    this.#sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The learner a key belongs to, or undefined. */
  learnerByKey(key: string): Learner | undefined {
    const row = this.#sql('SELECT * FROM learners WHERE key_hash = ?').get(hashKey(key)) as Row | undefined;
    return row && toLearner(row);
  }

  learnerByName(name: string): Learner | undefined {
    const row = this.#sql('SELECT * FROM learners WHERE name = ?').get(name) as Row | undefined;
    return row && toLearner(row);
  }

  learner(id: number): Learner | undefined {
    const row = this.#sql('SELECT * FROM learners WHERE id = ?').get(id) as Row | undefined;
    return row && toLearner(row);
  }

  learners(): Learner[] {
    return (this.#sql('SELECT * FROM learners ORDER BY id').all() as Row[]).map(toLearner);
  }

  /** A new learner with this name and key. */
  addLearner(name: string, key: string, doctor: DoctorReport | undefined): Learner {
    const now = this.#now();
    const r = this.#sql('INSERT INTO learners (name, key_hash, joined_at, last_seen, doctor) VALUES (?, ?, ?, ?, ?)').run(name, hashKey(key), now, now, doctor ? JSON.stringify(doctor) : null);
    return this.learner(Number(r.lastInsertRowid)) as Learner;
  }

  /** A learner joined again (same key): their doctor result is the new one. */
  rejoin(id: number, doctor: DoctorReport | undefined): void {
    this.#sql('UPDATE learners SET last_seen = ?, doctor = COALESCE(?, doctor) WHERE id = ?').run(this.#now(), doctor ? JSON.stringify(doctor) : null, id);
  }

  setDoctor(id: number, doctor: DoctorReport): void {
    this.#sql('UPDATE learners SET doctor = ? WHERE id = ?').run(JSON.stringify(doctor), id);
  }

  /** Store a batch in one transaction; a (learner, seq) already stored is passed over. Returns the new ones as stored. */
  addEvents(learner: number, events: readonly RoomEvent[]): StoredEvent[] {
    const now = this.#now();
    const added: StoredEvent[] = [];
    this.#db.exec('BEGIN');
    try {
      for (const e of events) {
        const r = this.#insertEvent.run(learner, e.seq, e.at, e.kind, e.lesson, e.step ?? null, e.passed === undefined ? null : Number(e.passed), e.status ?? null, e.message ?? null, e.durationMs ?? null, now);
        if (Number(r.changes) > 0) added.push({ ...e, learner, receivedAt: now });
      }
      this.#sql('UPDATE learners SET last_seen = ? WHERE id = ?').run(now, learner);
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
    return added;
  }

  /** Every event, or one learner's, in the order they happened. */
  events(learner?: number): StoredEvent[] {
    const rows = learner === undefined
      ? this.#sql('SELECT * FROM events ORDER BY learner, seq').all()
      : this.#sql('SELECT * FROM events WHERE learner = ? ORDER BY seq').all(learner);
    return (rows as Row[]).map(toEvent);
  }

  eventCount(): number {
    return Number((this.#sql('SELECT COUNT(*) AS n FROM events').get() as Row).n);
  }

  /** A notice for one learner, or everyone when `learner` is undefined. */
  addNotice(learner: number | undefined, notice: Omit<Notice, 'id'>): Notice {
    const r = this.#sql('INSERT INTO notices (learner, kind, text, step, created_at) VALUES (?, ?, ?, ?, ?)').run(learner ?? null, notice.kind, notice.text, notice.step ?? null, this.#now());
    return { ...notice, id: Number(r.lastInsertRowid) };
  }

  /** The notices a learner has not acknowledged yet: theirs and everyone's. */
  pendingNotices(learner: number): Notice[] {
    const rows = this.#sql('SELECT n.* FROM notices n JOIN learners l ON l.id = ? WHERE n.id > l.notice_cursor AND (n.learner IS NULL OR n.learner = ?) ORDER BY n.id').all(learner, learner) as Row[];
    return rows.map((r) => ({ id: Number(r.id), kind: r.kind as Notice['kind'], text: String(r.text), ...(r.step === null ? {} : { step: Number(r.step) }) }));
  }

  /** The learner's steplab has shown every notice up to `id`. */
  ackNotices(learner: number, id: number): void {
    this.#sql('UPDATE learners SET notice_cursor = MAX(notice_cursor, ?) WHERE id = ?').run(id, learner);
  }

  /** Every notice sent, newest last, with whom it went to. */
  notices(): (Notice & { learner: number | undefined; createdAt: number })[] {
    return (this.#sql('SELECT * FROM notices ORDER BY id').all() as Row[]).map((r) => ({
      id: Number(r.id), kind: r.kind as Notice['kind'], text: String(r.text), ...(r.step === null ? {} : { step: Number(r.step) }),
      learner: r.learner === null ? undefined : Number(r.learner), createdAt: Number(r.created_at),
    }));
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }
}

function toLearner(r: Row): Learner {
  return { id: Number(r.id), name: String(r.name), joinedAt: Number(r.joined_at), lastSeen: Number(r.last_seen), doctor: r.doctor ? (JSON.parse(String(r.doctor)) as DoctorReport) : undefined };
}

function toEvent(r: Row): StoredEvent {
  return {
    learner: Number(r.learner), seq: Number(r.seq), at: Number(r.at), kind: r.kind as RoomEvent['kind'], lesson: String(r.lesson),
    ...(r.step === null ? {} : { step: Number(r.step) }),
    ...(r.passed === null ? {} : { passed: r.passed === 1 }),
    ...(r.status === null ? {} : { status: String(r.status) }),
    ...(r.message === null ? {} : { message: String(r.message) }),
    ...(r.duration_ms === null ? {} : { durationMs: Number(r.duration_ms) }),
    receivedAt: Number(r.received_at),
  };
}
