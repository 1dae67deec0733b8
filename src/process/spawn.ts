// The one place that starts processes: everything else calls these (execa underneath).

import { execa } from 'execa';
import type { StartedProcess } from './started.ts';

export interface CommandResult {
  readonly command: string;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly failed: boolean;
  readonly timedOut: boolean;
  readonly durationMs: number;
}

export interface CommandOptions {
  readonly timeoutMs?: number;
  readonly input?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

/** Run a command to completion and return what it did; never throws for a non-zero exit. */
export async function runCommand(file: string, args: readonly string[], options: CommandOptions = {}): Promise<CommandResult> {
  const r = await execa(file, args, {
    reject: false,
    timeout: options.timeoutMs,
    input: options.input,
    env: options.env,
    cwd: options.cwd,
    stripFinalNewline: false,
  });
  return {
    command: r.command,
    exitCode: r.exitCode ?? (r.signal ? 128 : 1),
    stdout: String(r.stdout ?? ''),
    stderr: String(r.stderr ?? ''),
    failed: r.failed,
    timedOut: r.timedOut,
    durationMs: r.durationMs,
  };
}

/** Start a long-lived process with every stdio piped; the caller owns it and must end it. */
export function startProcess(file: string, args: readonly string[], options: { readonly env?: Readonly<Record<string, string>> } = {}): StartedProcess {
  return execa(file, args, {
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    env: options.env,
    // Its own process group, so a Ctrl-C typed into the learner's lab shell never reaches it. It still
    // ends with steplab: its stdin is the sandbox's lifeline, which closes when steplab exits or is killed.
    detached: true,
  });
}

/** Whether a program is on PATH here. */
export async function commandExists(name: string): Promise<boolean> {
  const r = await runCommand('sh', ['-c', 'command -v "$1" >/dev/null 2>&1', 'sh', name]);
  return r.exitCode === 0;
}

/** Hand the terminal to a command until it exits (an interactive shell); returns its exit code. */
export async function runInteractive(file: string, args: readonly string[]): Promise<number> {
  // Ctrl-C belongs to the program in the terminal now (a ping in the lab shell), not to steplab.
  const ignore = (): void => {};
  process.on('SIGINT', ignore);
  try {
    const r = await execa(file, args, { stdio: 'inherit', reject: false });
    return r.exitCode ?? 1;
  } finally {
    process.off('SIGINT', ignore);
  }
}
