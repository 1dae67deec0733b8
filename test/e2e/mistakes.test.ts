// The course's checks catch a learner who got it wrong: each fixture's solution makes one typical mistake,
// and verify must fail with the message its header names (no default route, lo down, ip_forward off, MASQUERADE without ! -o).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { sandboxUnavailable } from '../integration/host-state.ts';

const repo = join(import.meta.dirname, '../..');
const dir = join(repo, 'test/fixtures/mistakes');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const skip = await sandboxUnavailable('the typical mistakes');

/** The expected message: the line after "# Expected message" in the fixture's front matter. */
function expectedMessage(file: string): string {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('# Expected message'));
  const message = lines[at + 1]?.replace(/^#\s*/, '').trim();
  if (at < 0 || !message) throw new Error(`${file} names no expected message`);
  return message;
}

describe.skipIf(skip)('typical mistakes fail with a message that points at them', () => {
  it('has the four mistakes of the course', () => {
    expect(fixtures).toHaveLength(4);
  });
  for (const file of fixtures) {
    it(file, { timeout: 120_000 }, async () => {
      const r = await runCommand(process.execPath, ['bin/steplab.js', 'verify', join(dir, file)], { cwd: repo, timeoutMs: 110_000, env: { CI: 'true' } });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain(expectedMessage(file));
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
    });
  }
});
