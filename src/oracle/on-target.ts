// Run a short script on a target to its end and collect what it printed (the oracle's set-up and tear-down).

import type { Target } from '../target/types.ts';

export interface TargetScriptResult {
  readonly exitCode: number;
  readonly output: string;
}

/** `bash -c SCRIPT steplab ARGS…` on the target; stdout and stderr together; killed after the limit. */
export async function runOnTarget(target: Target, script: string, args: readonly string[] = [], timeoutMs = 60_000): Promise<TargetScriptResult> {
  const child = target.spawn(['bash', '--norc', '-c', script, 'steplab', ...args]);
  child.stdin.end();
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const result = await child;
  clearTimeout(timer);
  return { exitCode: result.exitCode ?? 1, output };
}
