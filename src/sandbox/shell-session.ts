// One shell inside the sandbox, fed one framed block at a time: the lesson's shell and steplab's probe shell
// (bash, with the prelude), and steplab's reader shell (a plain sh).

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { SteplabError } from '../errors.ts';
import type { TargetProcess } from '../target/types.ts';
import type { ShellResult } from './types.ts';
import { ansiCQuote } from './ansi-c-quote.ts';

const PRELUDE = readFileSync(new URL('./scripts/shell.sh', import.meta.url), 'utf8');

/**
 * The reader shell's start: its stderr into its stdout (so a block's errors come before its end line),
 * the lab's PATH (the stand-ins, the sbin folders), and the C locale: steplab reads what the tools print
 * (`packet loss`, `Connection refused`), which a learner's locale would translate (with LANGUAGE=zh_CN,
 * glibc says 拒绝连接), and a tool in the C locale loads no locale files (ping 0.5 ms less here). A sh
 * reads its commands from the pipe in whole buffers and runs its blocks with stdin from /dev/null, so no
 * command can read the next block.
 */
const READER_PRELUDE = 'exec 2>&1\n. /run/steplab/env.sh || exit 1\nexport LC_ALL=C\n';

/** Where the lesson shell writes its PID inside the sandbox (read by `__steplab_interrupt` on Ctrl-C). */
const LESSON_PID_FILE = '/run/steplab/lesson.pid';

/** How long past its own timeout a block may take before steplab stops waiting (the watchdog inside acts first; the reader has none). */
const GRACE_MS = 5_000;

/** A timeout as the prelude's watchdog takes it: seconds, one decimal, at least 0.1. */
const seconds = (ms: number): string => Math.max(0.1, ms / 1000).toFixed(1);

/** The code follows its header line as it is, counted in bytes (the prelude reads it with `read -N`). */
const bytes = (code: string): number => Buffer.byteLength(code, 'utf8');

interface Pending {
  readonly id: string;
  readonly startedAt: number;
  resolve(result: ShellResult): void;
}

/**
 * `lesson`: the learner's shell (bash), which leaves its variables where checks can read them; `probe`:
 * steplab's own bash, for anything a learner's code may be in; `reader`: a plain sh (dash on Debian) for
 * steplab's snapshots and ping, tcp and http probes. Every process those start is forked from it, and a
 * fork from dash costs about half one from bash where a page fault is dear (a VM: 1.7 against 3.1 ms for
 * /bin/true, 3.4 against 5.2 ms for `ip`). It has no watchdog: what it runs carries its own time limit,
 * and a block that outlives its timeout loses the shell, as in the others.
 */
export type ShellRole = 'lesson' | 'probe' | 'reader';

export class ShellSession {
  readonly #process: TargetProcess;
  readonly #role: ShellRole;
  readonly #token = `__STEPLAB_${randomBytes(12).toString('hex')}__`;
  readonly #decoder = new StringDecoder('utf8');
  #buffer = '';
  #pending: Pending | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;
  #exited = false;
  /** steplab stopped waiting for a block: the shell may still be busy with it, so it takes no more blocks. */
  #abandoned = false;

  /** The process runs bash for `lesson` and `probe`, sh for `reader`. */
  constructor(process: TargetProcess, role: ShellRole = 'probe') {
    this.#process = process;
    this.#role = role;
    process.stdout.on('data', (chunk: Buffer) => this.#onData(this.#decoder.write(chunk)));
    process.stderr.on('data', (chunk: Buffer) => this.#onData(this.#decoder.write(chunk)));
    process.stdin.on('error', () => {});
    void process.then(() => this.#onExit());
    process.stdin.write(`__STEPLAB_TOKEN=${this.#token} __STEPLAB_ROLE=${role}\n${role === 'reader' ? READER_PRELUDE : `${PRELUDE}\n`}${role === 'lesson' ? `echo $$ > ${LESSON_PID_FILE}\n` : ''}`);
  }

  /** Whether the shell is still running (a step may `exit` it, or a runaway step loses it). */
  get alive(): boolean {
    return !this.#exited && !this.#abandoned;
  }

  /** Whether a block is running (or waiting its turn) now. */
  get busy(): boolean {
    return this.#pending !== undefined;
  }

  /**
   * Run code to completion in this shell, one block at a time: in bash stopping at the first failing
   * command, in the reader with the status of its last.
   */
  run(code: string, timeoutMs: number): Promise<ShellResult> {
    // The reader's block is a group of its own lines, followed by its end line.
    if (this.#role === 'reader') return this.#enqueue(timeoutMs, (id) => `{\n${code}\n} </dev/null; printf '\\n%s %s %d 0 0\\n' "$__STEPLAB_TOKEN" ${id} $?\n`);
    return this.#enqueue(timeoutMs, (id) => `__steplab_exec ${id} ${seconds(timeoutMs)} ${bytes(code)}\n${code}`);
  }

  /**
   * Start code in the background; resolves once it is running (or with its status if it ended at once).
   * With `ready`, resolves once its output shows that text, and fails (timedOut) when it has not within timeoutMs.
   */
  background(code: string, ready?: string, timeoutMs = 10_000): Promise<ShellResult> {
    const wait = ready === undefined ? 10_000 : timeoutMs;
    return this.#enqueue(wait, (id) => `__steplab_bg ${id} ${seconds(wait)} ${ansiCQuote(ready ?? '')} ${bytes(code)}\n${code}`);
  }

  /** End the shell (its processes die with the sandbox). */
  close(): void {
    if (!this.#exited) this.#process.stdin.end();
  }

  /** Send a block, framed by `frame` for its id, once the blocks before it have answered. */
  #enqueue(timeoutMs: number, frame: (id: string) => string): Promise<ShellResult> {
    const next = this.#queue.then(() => this.#send(timeoutMs, frame));
    this.#queue = next.catch(() => {});
    return next;
  }

  #send(timeoutMs: number, frame: (id: string) => string): Promise<ShellResult> {
    if (!this.alive) throw new SteplabError('SANDBOX_BROKEN', 'the shell in the sandbox has exited');
    const id = String(this.#nextId++);
    return new Promise<ShellResult>((resolve) => {
      const startedAt = performance.now();
      const timer = setTimeout(() => {
        // The block outlived its own watchdog (a loaded machine): a later block must not land in this shell while its
        // watchdog may still end it. Give it up (it exits once the block ends or its watchdog kills it); the sandbox opens a new one.
        this.#abandoned = true;
        this.#process.stdin.end();
        this.#finish(id, 137, true, 'steplab stopped waiting: the block outlived its timeout and its shell');
      }, timeoutMs + (this.#role === 'reader' ? 0 : GRACE_MS));
      this.#pending = {
        id,
        startedAt,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      this.#process.stdin.write(frame(id));
    });
  }

  #onData(text: string): void {
    this.#buffer += text;
    const pending = this.#pending;
    if (!pending) return;
    const marker = `\n${this.#token} ${pending.id} `;
    const at = this.#buffer.indexOf(marker);
    if (at < 0) return;
    const end = this.#buffer.indexOf('\n', at + marker.length);
    if (end < 0) return;
    const [status = '1', timedOut = '0', line = '0'] = this.#buffer.slice(at + marker.length, end).split(' ');
    // bash names its own position in eval'd code ("main: eval: line 49:"); the learner's block has other lines.
    const output = this.#buffer.slice(0, at).replace(/^[\w.-]+: (?:eval: )?line \d+: /gm, '');
    this.#buffer = this.#buffer.slice(end + 1);
    this.#finish(pending.id, Number(status), timedOut === '1', undefined, output, Number(line) || 0);
  }

  #onExit(): void {
    this.#exited = true;
    const pending = this.#pending;
    if (pending) this.#finish(pending.id, 137, true, 'the shell ended while the block ran');
  }

  #finish(id: string, exitCode: number, timedOut: boolean, note: string | undefined, output = this.#buffer, failedLine = 0): void {
    const pending = this.#pending;
    if (!pending || pending.id !== id) return;
    this.#pending = undefined;
    if (note) this.#buffer = '';
    pending.resolve({
      exitCode,
      output: note ? `${output}${output && !output.endsWith('\n') ? '\n' : ''}[steplab] ${note}\n` : output,
      timedOut,
      durationMs: Math.round(performance.now() - pending.startedAt),
      failedLine,
    });
  }
}
