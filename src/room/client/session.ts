// A learner's link to a workshop room once joined: the outbox, the instructor's notices, a reset request, where they are.

import type { Step } from '../../lesson/types.ts';
import type { RoomInbox } from './inbox.ts';
import type { Notice } from '../protocol.ts';
import { Outbox } from './outbox.ts';
import { RoomReporter, type RoomSink } from './reporter.ts';

export interface SessionOptions {
  readonly room: string;
  readonly key: string;
  readonly pollMs?: number;
}

export class RoomSession implements RoomInbox, RoomSink {
  readonly room: string;
  readonly outbox: Outbox;
  readonly #seen = new Set<number>();
  readonly #waiting: Notice[] = [];
  #reset = false;
  #lesson: string | undefined;
  #step: number | undefined;
  /** Unattended runs print notices here between steps. */
  print: ((text: string) => void) | undefined;

  constructor(options: SessionOptions) {
    this.room = options.room;
    this.outbox = new Outbox({ room: options.room, key: options.key, onNotices: (n) => this.receive(n), ...(options.pollMs ? { pollMs: options.pollMs } : {}) });
  }

  /** A reporter for the runner: everything it emits goes to the room. */
  reporter(interactive: boolean): RoomReporter {
    return new RoomReporter(this, { interactive });
  }

  push(event: Parameters<RoomSink['push']>[0]): void {
    this.outbox.push(event);
  }

  at(lesson: string | undefined, step: number | undefined): void {
    this.#lesson = lesson;
    this.#step = step;
  }

  betweenSteps(): void {
    if (this.print === undefined) return;
    for (const n of this.takeNotices()) this.print(`${n.title}: ${n.text}`);
    if (this.takeReset()) this.print('Your instructor asked to reset your lab: an unattended run starts every lesson in a fresh lab already.');
  }

  /** The room's answer brought these notices (every one not acknowledged yet): keep the new ones. */
  receive(notices: readonly Notice[]): void {
    for (const n of notices) {
      if (this.#seen.has(n.id)) continue;
      this.#seen.add(n.id);
      this.#waiting.push(n);
      if (n.kind === 'reset') this.#reset = true;
    }
  }

  takeNotices(): { title: string; text: string }[] {
    const shown = this.#waiting.splice(0);
    if (shown.length === 0) return [];
    this.outbox.ack(Math.max(...shown.map((n) => n.id)));
    return shown.map((n) => {
      if (n.kind !== 'reset') return { title: n.kind === 'hint' ? 'A hint from your instructor' : 'From your instructor', text: n.text };
      const other = n.step !== undefined && n.step !== this.#step ? ` They named step ${n.step + 1}: to go there, quit and run the lesson again with --step ${n.step + 1}.` : '';
      return { title: 'From your instructor', text: `${n.text ? `${n.text}\n` : ''}Your lab will be rebuilt to the start of the step you are on.${other}` };
    });
  }

  takeReset(): boolean {
    const asked = this.#reset;
    this.#reset = false;
    return asked;
  }

  hintShown(step: Step): void {
    if (this.#lesson !== undefined) this.outbox.push({ kind: 'hint', lesson: this.#lesson, step: step.index });
  }

  /** Send what is left (for at most `withinMs`); how many events could not be sent. */
  async close(withinMs = 5000): Promise<number> {
    return this.outbox.drain(withinMs);
  }
}
