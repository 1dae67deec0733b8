// What a running sandbox offers the runner: one persistent lesson shell, and a probe shell for steplab's own reads.

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
}

export interface Sandbox extends AsyncDisposable {
  /** Run code in the lesson's shell: variables and `cd` carry over to the next call. */
  run(code: string, options: RunOptions): Promise<ShellResult>;
  /** Run a short script in steplab's own shell in the same namespaces (snapshots, probes); never the learner's state. */
  probe(code: string, timeoutMs?: number): Promise<ShellResult>;
  /** argv that opens an interactive shell in the sandbox, on the target (for "try it yourself"). */
  interactiveArgv(): readonly string[];
  /** End every process, namespace and mount of the sandbox. Safe to call twice. */
  dispose(): Promise<void>;
}
