// The real CLI in a pseudo-terminal (tmux: keys in, screen out): Ctrl-C during a step; and the refusal without a terminal.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/process/spawn.ts';
import { requireTestTool, sandboxUnavailable } from '../integration/host-state.ts';
import { screenShows, tmux } from '../support/terminal.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const LONG = join(import.meta.dirname, '../fixtures/learner/01-long.md');
const skip = await sandboxUnavailable('the learner end-to-end tests');
if (!skip) await requireTestTool('tmux', 'the learner end-to-end tests');


// Under CI (CI=true in the environment) steplab refuses to prompt for that reason alone; these tests are about
// the terminal, so they run steplab without CI, as a learner's shell would.
describe('without a terminal', () => {
  it('steplab run refuses in one line, names verify, exits 2', async () => {
    const r = await runCommand(process.execPath, [BIN, 'run', LONG], { timeoutMs: 60_000, env: { CI: '', STEPLAB_STATE_DIR: await mkdtemp(join(tmpdir(), 'steplab-state-')) } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe(`steplab run asks you what to do at each step and cannot here: its input is not a terminal. To run lessons unattended, use \`steplab verify ${LONG}\`.\n`);
  });
});

describe.skipIf(skip)('in a terminal', () => {
  it('Ctrl-C during a step stops its commands only, shows what ran and asks what next; quit exits cleanly', async () => {
    const session = `steplab-e2e-${process.pid}`;
    const state = await mkdtemp(join(tmpdir(), 'steplab-state-'));
    await tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', `env -u CI -u LC_ALL LANG=C.UTF-8 STEPLAB_STATE_DIR=${state} ${process.execPath} ${BIN} run ${LONG}; echo EXIT=$?; sleep 30`);
    try {
      await screenShows(session, /Run the commands/, 60_000);
      await tmux('send-keys', '-t', session, 'Enter');
      await screenShows(session, /Run the commands\n/, 10_000);
      await new Promise((r) => setTimeout(r, 2000));
      await tmux('send-keys', '-t', session, 'C-c');
      const menu = await screenShows(session, /Interrupted: the output above is what ran\. What now\?/, 20_000);
      expect(menu).toContain('started');
      // Output lines are indented; the command itself is shown as `$ echo never`.
      expect(menu).toMatch(/^ {4}started$/m);
      expect(menu).not.toMatch(/^ {4}never$/m);
      expect(menu).toMatch(/Retry the step[\s\S]*Reset the step and retry[\s\S]*Open a shell in the lab[\s\S]*Skip this step[\s\S]*Quit/);
      await tmux('send-keys', '-t', session, 'Up', 'Enter');
      const end = await screenShows(session, /EXIT=\d+/, 20_000);
      expect(end).toContain('EXIT=0');
      expect(end).toContain('Stopped after 0 of 1 steps');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  });
});
