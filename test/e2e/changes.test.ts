// "What changed" through the real CLI: the checks' own pings are not counted as the learner's, and
// lo coming up is told with the address it brings.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const LESSON = join(import.meta.dirname, '../fixtures/changes/01-check-packets.md');
const skip = await sandboxUnavailable();
if (skip) console.warn(`skipping "what changed" end-to-end tests: ${skip}`);

describe.skipIf(skip)('what changed', () => {
  it('counts the learner`s one ping, not the checks`, and says lo brought 127.0.0.1', async () => {
    const r = await runCommand(process.execPath, [BIN, 'verify', LESSON, '--reporter', 'json'], { timeoutMs: 60_000, env: { CI: 'true' } });
    expect(r.exitCode, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { lessons: { steps: { changes: { text: string }[] }[] }[] };
    const [first, second] = report.lessons[0]?.steps.map((s) => s.changes.map((c) => c.text)) ?? [];
    expect(first?.filter((t) => t.startsWith('lo in red'))).toEqual([expect.stringMatching(/^lo in red is up, which gives it 127\.0\.0\.1\/8( and ::1\/128)?$/)]);
    // One ping by the learner: the echo request matched once, though the checks sent two more.
    expect(first?.filter((t) => /matched/.test(t))).toEqual(['filter OUTPUT rule 1 matched 1 packet']);
    // Only the checks pinged: nothing is the learner's.
    expect(second).toEqual([]);
  });
});
