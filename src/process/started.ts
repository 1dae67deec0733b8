// A started process as the rest of steplab sees it: its pipes, a way to signal it, and how it ended. Ours, not execa's.

import type { Readable, Writable } from 'node:stream';

/** How a process ended. */
export interface ProcessExit {
  /** Its exit status; undefined when a signal ended it. */
  readonly exitCode?: number | undefined;
  /** The signal that ended it, if one did. */
  readonly signal?: string | undefined;
}

/** A long-lived process with every stdio piped; await it (it is a thenable) for how it ended. */
export interface StartedProcess extends PromiseLike<ProcessExit> {
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Its process id on the machine that started it (undefined if it could not start). */
  readonly pid?: number | undefined;
  /** Send a signal (SIGTERM by default); false when the process had already ended. */
  kill(signal?: NodeJS.Signals): boolean;
}
