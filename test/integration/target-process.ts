// Drive a process a target started: what the docker and vagrant target tests share.

import type { TargetProcess } from '../../src/target/types.ts';

/** Close stdin after a pause, then wait for the process and collect what it wrote. */
export async function finish(p: TargetProcess, pauseMs = 0): Promise<{ stdout: string; stderr: string; exitCode: number | undefined }> {
  let stdout = '';
  let stderr = '';
  p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
  p.stdin.end();
  const r = await p;
  return { stdout, stderr, exitCode: r.exitCode };
}
