// A target supplies a Linux kernel and a way to start a process there; nothing more.

import type { StartedProcess } from '../process/started.ts';

export type TargetName = 'sandbox' | 'docker' | 'vagrant';

/** A process started in the target, stdio piped: steplab's own small interface, whatever starts it underneath. */
export type TargetProcess = StartedProcess;

export interface Target extends AsyncDisposable {
  readonly name: TargetName;
  /** One line for logs: what kernel this is and how it is reached. */
  readonly description: string;
  /** Whether processes start as root in the target (so the sandbox may skip the user namespace if it must). */
  readonly root: boolean;
  /** Start argv in the target's kernel with stdin, stdout and stderr piped. */
  spawn(argv: readonly string[]): TargetProcess;
  /** Run argv in the target with the terminal handed over (an interactive shell); resolves with its exit code. */
  interactive?(argv: readonly string[]): Promise<number>;
  /** Release what the target holds (container, ssh master). Safe to call twice. */
  dispose(): Promise<void>;
}
