// Run command blocks in the sandbox and judge them against their `{exit=N}`.

import type { CommandBlock, Lesson } from '../lesson/types.ts';
import type { Sandbox } from '../sandbox/types.ts';
import type { BlockOutcome } from './events.ts';

/** Run one block (in the background when it says so) and say whether it ended as meant. */
export async function runBlock(sandbox: Sandbox, block: CommandBlock, lesson: Lesson): Promise<BlockOutcome> {
  const result = await sandbox.run(block.code, {
    timeoutMs: block.timeoutMs ?? lesson.timeoutMs,
    background: block.background,
    ...(block.ready === undefined ? {} : { ready: block.ready }),
  });
  return { ...result, block, ok: !result.timedOut && result.exitCode === block.exit };
}

/** The command a failed block stopped at: its line in the file and its text; undefined when the shell did not say. */
export function failedCommand(outcome: Pick<BlockOutcome, 'block' | 'failedLine'>): { readonly line: number; readonly text: string; readonly ofBlock: number } | undefined {
  const n = outcome.failedLine ?? 0;
  const text = outcome.block.code.split('\n')[n - 1];
  if (n < 1 || text === undefined) return undefined;
  // The block's code starts on the line after its opening fence.
  return { line: outcome.block.line + n, text: text.trim(), ofBlock: n };
}

/** Why a block counts as failed, in one sentence naming the file and the line of the command that failed. */
export function blockFailure(outcome: BlockOutcome, lesson: Lesson): string {
  const lines = outcome.block.code.split('\n');
  const failed = failedCommand(outcome);
  const where = `${lesson.file}:${failed?.line ?? outcome.block.line}`;
  const shown = failed ? `\`${failed.text}\`` : `\`${lines[0] ?? ''}\`${lines.length > 1 ? ' …' : ''}`;
  const atLine = failed && lines.length > 1 ? ` (failed at line ${failed.ofBlock} of the block)` : '';
  if (outcome.timedOut) {
    const limit = outcome.block.timeoutMs ?? lesson.timeoutMs;
    if (outcome.block.ready !== undefined) return `${where}: ${shown} did not show "${outcome.block.ready}" within ${limit / 1000} s`;
    return `${where}: ${shown} timed out after ${limit / 1000} s${atLine}`;
  }
  return `${where}: ${shown} exited with ${outcome.exitCode}; expected ${outcome.block.exit}${atLine}`;
}
