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

/** Why a block counts as failed, in one sentence naming the file and line. */
export function blockFailure(outcome: BlockOutcome, lesson: Lesson): string {
  const where = `${lesson.file}:${outcome.block.line}`;
  const first = outcome.block.code.split('\n')[0] ?? '';
  if (outcome.timedOut) {
    const limit = outcome.block.timeoutMs ?? lesson.timeoutMs;
    if (outcome.block.ready !== undefined) return `${where}: \`${first}\` did not show "${outcome.block.ready}" within ${limit / 1000} s`;
    return `${where}: \`${first}\` timed out after ${limit / 1000} s`;
  }
  return `${where}: \`${first}\`${outcome.block.code.includes('\n') ? ' …' : ''} exited with ${outcome.exitCode}; expected ${outcome.block.exit}`;
}
