// What a running sandbox offers the runner: one persistent lesson shell, and steplab's own probe and reader shells.

import type { ShellResult, World } from '../lab-types.ts';

export type { ShellResult } from '../lab-types.ts';

export interface RunOptions {
  readonly timeoutMs: number;
  /** Start the code in the background; it runs until the sandbox is disposed. Resolves once started. */
  readonly background?: boolean;
  /** With background: resolve once the output shows this text (failing, timedOut, after timeoutMs). */
  readonly ready?: string;
}

export interface SandboxOptions {
  readonly world: World;
  /** false: real root in the lab (no user namespace), for a Docker engine inside it; needs root on the target. */
  readonly userns?: boolean;
}

export interface Sandbox extends AsyncDisposable {
  /** Run code in the lesson's shell: variables and `cd` carry over to the next call. */
  run(code: string, options: RunOptions): Promise<ShellResult>;
  /** Run a short bash script in steplab's own shell in the same namespaces; never the learner's state. */
  probe(code: string, timeoutMs?: number): Promise<ShellResult>;
  /**
   * Run a short POSIX sh script in steplab's reader shell, a plain sh in the same namespaces: snapshots and
   * ping, tcp and http probes, whose every command bounds its own time. It forks what it starts cheaper
   * than bash; never the learner's state.
   */
  read(code: string, timeoutMs?: number): Promise<ShellResult>;
  /** Stop the block running in the lesson shell, as Ctrl-C would; the shell and its variables stay. No-op when idle. */
  interrupt?(): Promise<void>;
  /** argv that opens an interactive shell in the sandbox, on the target (for "try it yourself"). */
  interactiveArgv(): readonly string[];
  /** End every process, namespace and mount of the sandbox. Safe to call twice. */
  dispose(): Promise<void>;
}
