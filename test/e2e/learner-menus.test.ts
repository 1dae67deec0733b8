// The real CLI in a pseudo-terminal (tmux: keys in, screen out): a challenge's menu and wording, retry and reset
// after a failure, the solution after a partial attempt, and `run --step N`.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTestTool, sandboxUnavailable } from '../integration/host-state.ts';
import { tmux } from '../support/terminal.ts';

const BIN = join(import.meta.dirname, '../../bin/steplab.js');
const CHALLENGE = join(import.meta.dirname, '../fixtures/learner/02-challenge.md');
const RETRY = join(import.meta.dirname, '../fixtures/learner/03-retry.md');
const skip = await sandboxUnavailable('the learner menu end-to-end tests');
if (!skip) await requireTestTool('tmux', 'the learner menu end-to-end tests');

/** Generous: the machine runs other heavy tests beside these. */
const SANDBOX_START_MS = 60_000;
const SCREEN_MS = 30_000;

/** Everything the pane has shown, scrolled-off lines included. */
async function history(session: string): Promise<string> {
  return (await tmux('capture-pane', '-p', '-S', '-', '-t', session)).stdout;
}

/** How often a pattern (made global here) occurs in a text. */
function count(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))].length;
}

/** Poll the pane's history until it shows a pattern at least `times` times; returns the history. */
async function waitFor(session: string, pattern: RegExp, limitMs = SCREEN_MS, times = 1): Promise<string> {
  const end = Date.now() + limitMs;
  let text = '';
  while (Date.now() < end) {
    text = await history(session);
    if (count(text, pattern) >= times) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the screen never showed ${pattern} ${times} time(s):\n${text}`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The options of the menu that is waiting for an answer (clack's ◆), once it is drawn whole; and which one is selected. */
async function activeMenu(session: string, title: string, limitMs = SCREEN_MS): Promise<{ labels: string[]; selected: number; text: string }> {
  const drawn = new RegExp(`◆  ${escape(title)}\\n(│  [●○] .*\\n)+│  ↑/↓ to navigate.*\\n└`);
  const text = await waitFor(session, drawn, limitMs);
  const menu = text.slice(text.lastIndexOf('◆  '));
  const options = [...menu.matchAll(/^│  ([●○]) (.*?)(?: \(.*\))?\s*$/gm)];
  return { labels: options.map((m) => m[2] ?? ''), selected: options.findIndex((m) => m[1] === '●'), text };
}

/** Answer the waiting menu `title` with the option `label`, and wait until clack shows the answer. */
async function choose(session: string, title: string, label: string, limitMs = SCREEN_MS): Promise<string> {
  const { labels, selected, text } = await activeMenu(session, title, limitMs);
  const target = labels.indexOf(label);
  if (target < 0) throw new Error(`the menu "${title}" has no "${label}": ${labels.join(' | ')}`);
  const answered = new RegExp(`◇  ${escape(title)}\\n│  ${escape(label)}\\n`);
  const before = count(text, answered);
  const moves = Array<string>(Math.abs(target - selected)).fill(target > selected ? 'Down' : 'Up');
  await tmux('send-keys', '-t', session, ...moves, 'Enter');
  return waitFor(session, answered, SCREEN_MS, before + 1);
}

/** Poll the pane's history until `done` holds for it; returns the history. */
async function waitUntil(session: string, done: (text: string) => boolean, what: string, limitMs = SCREEN_MS): Promise<string> {
  const end = Date.now() + limitMs;
  let text = '';
  while (Date.now() < end) {
    text = await history(session);
    if (done(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the screen never showed ${what}:\n${text}`);
}

/** Whether the lab shell waits for a command: its prompt is the last thing on the screen. */
const atPrompt = (text: string) => /^lab#\s*$/.test(text.trimEnd().split('\n').at(-1) ?? '');

/** In the lab shell that was just asked for: run each command, waiting for the prompt between; then exit. Returns what each printed. */
async function inLabShell(session: string, commands: readonly string[]): Promise<string[]> {
  await waitUntil(session, atPrompt, 'the lab shell\'s prompt');
  const outputs: string[] = [];
  for (const command of commands) {
    const line = new RegExp(`^lab# ${escape(command)}$`, 'gm');
    const before = count(await history(session), line);
    await tmux('send-keys', '-t', session, '-l', command);
    await tmux('send-keys', '-t', session, 'Enter');
    const text = await waitUntil(session, (t) => count(t, line) > before && atPrompt(t), `\`${command}\` run in the lab shell`);
    // What the command printed: between its own line and the prompt after it.
    const from = text.lastIndexOf(`lab# ${command}`) + `lab# ${command}`.length;
    outputs.push(text.slice(from, text.trimEnd().lastIndexOf('\n')).trim());
  }
  await tmux('send-keys', '-t', session, '-l', 'exit');
  await tmux('send-keys', '-t', session, 'Enter');
  return outputs;
}

/** Start `steplab ARGS` in a fresh tmux session of 120x50, with a state folder of its own; the exit code is printed after it. */
async function start(name: string, args: readonly string[]): Promise<string> {
  const session = `steplab-menus-${name}-${process.pid}`;
  const state = await mkdtemp(join(tmpdir(), 'steplab-state-'));
  // A real terminal: not CI, a UTF-8 locale (clack's ◆/◇/● are what the helpers read).
  const command = `env -u CI -u LC_ALL LANG=C.UTF-8 STEPLAB_STATE_DIR=${state} ${process.execPath} ${BIN} ${args.join(' ')}; echo EXIT=$?; sleep 60`;
  await tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', command);
  return session;
}

const CHALLENGE_MENU = ['Open a shell in the lab', 'Check my work', 'Show a hint', 'Show what the checks look for', 'Show the solution and run it', 'Skip this step', 'Quit'];
const CHALLENGE_TITLE = 'Your turn: Hide the containers behind the host';
const RULE_CHECK = 'iptables nat POSTROUTING has "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"';
const FAILED = 'This step did not pass. What now?';

/** After a step ran: the menu that follows it, passed or not (so a failure shows at once, not after a timeout). */
const AFTER_STEP = /◆  (What next\?|This step did not pass)/;

/** Run the challenge fixture's first step and continue to the challenge. */
async function throughFirstStep(session: string): Promise<void> {
  await choose(session, "Step 1/3: Make a first container's namespace", 'Run the commands', SANDBOX_START_MS);
  expect(await waitFor(session, AFTER_STEP)).toContain('Step done');
  await choose(session, 'What next?', 'Continue');
}

// Each test waits for the sandbox (up to a minute under load) and for a dozen screens.
describe.skipIf(skip)('learner menus in a terminal', { timeout: 240_000 }, () => {
  it('a challenge opens on its own menu; Check my work says what fails in plain words, the exact checks only on request', async () => {
    const session = await start('reveal', ['run', CHALLENGE]);
    try {
      await throughFirstStep(session);
      const menu = await activeMenu(session, CHALLENGE_TITLE);
      expect(menu.labels).toEqual(CHALLENGE_MENU);
      // Nothing asks to run commands between the challenge's heading and its menu.
      const challenge = menu.text.slice(menu.text.indexOf('Step 2/3 · Hide the containers behind the host'));
      expect(challenge).not.toMatch(/Run the (commands|checks)|blocks\)/);

      await choose(session, CHALLENGE_TITLE, 'Check my work');
      const first = await waitFor(session, /Try 1: 2 of 2 checks not met yet[\s\S]*◆  Your turn/);
      const note = first.slice(first.indexOf('Try 1: 2 of 2 checks not met yet'));
      expect(note).toContain('no MASQUERADE rule for traffic from 172.17.0.0/16 yet');
      // Nowhere on the screen so far: the rule the solution types, or the check's own line.
      expect(first).not.toContain('-j MASQUERADE');
      expect(first).not.toContain('docker0');
      expect(first).not.toContain('iptables nat POSTROUTING has');

      await choose(session, CHALLENGE_TITLE, 'Show what the checks look for');
      const shown = await waitFor(session, /What the checks look for[\s\S]*◆  Your turn/);
      const reveal = shown.slice(shown.indexOf('What the checks look for'));
      expect(reveal).toContain('netns c1 exists');
      expect(reveal).toContain(RULE_CHECK);

      // Once seen, a failed try names the exact check too.
      await choose(session, CHALLENGE_TITLE, 'Check my work');
      const second = await waitFor(session, /Try 2: 2 of 2 checks not met yet[\s\S]*◆  Your turn/);
      expect(second.slice(second.indexOf('Try 2:'))).toContain(RULE_CHECK);

      await choose(session, CHALLENGE_TITLE, 'Quit');
      expect(await waitFor(session, /EXIT=\d+/)).toContain('EXIT=0');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  });

  it('after a hint, Check my work quotes the exact check that fails', async () => {
    const session = await start('hint', ['run', CHALLENGE]);
    try {
      await throughFirstStep(session);
      await choose(session, CHALLENGE_TITLE, 'Show a hint');
      await waitFor(session, /Hint 1 of 1[\s\S]*Docker rewrites the source address[\s\S]*◆  Your turn/);
      await choose(session, CHALLENGE_TITLE, 'Check my work');
      const text = await waitFor(session, /Try 1: 2 of 2 checks not met yet[\s\S]*◆  Your turn/);
      const note = text.slice(text.indexOf('Try 1:'));
      expect(note).toContain(RULE_CHECK);
      expect(text).not.toContain('What the checks look for');
      await choose(session, CHALLENGE_TITLE, 'Quit');
      expect(await waitFor(session, /EXIT=\d+/)).toContain('EXIT=0');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  });

  it('a failed step offers retry; made to pass from the lab shell, Retry the step passes it', async () => {
    const session = await start('retry', ['run', RETRY]);
    try {
      await choose(session, 'Step 1/1: Find the flag', 'Run the commands', SANDBOX_START_MS);
      const failed = await activeMenu(session, FAILED);
      expect(failed.labels).toEqual(['Retry the step', 'Reset the step and retry', 'Open a shell in the lab', 'Skip this step', 'Quit']);
      expect(failed.text).toContain('✘ link flag0 exists — no link flag0');

      await choose(session, FAILED, 'Open a shell in the lab');
      await inLabShell(session, ['ip link add flag0 type veth peer name flag1']);
      // Back from the shell, the same question again; retrying runs the step in the lab as the learner left it.
      await waitFor(session, /◇  This step did not pass\. What now\?\n│  Open a shell in the lab\n[\s\S]*◆  This step did not pass/);
      await choose(session, FAILED, 'Retry the step');
      const passed = await waitFor(session, AFTER_STEP);
      const retried = passed.slice(passed.lastIndexOf('Retry the step'));
      expect(retried).toMatch(/✔ link flag0 exists/);
      expect(retried).toContain('Step done');
      await choose(session, 'What next?', 'Continue');
      const end = await waitFor(session, /EXIT=\d+/);
      expect(end).toContain('EXIT=0');
      expect(end).not.toContain('Stopped after');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  });

  it('Reset the step and retry rebuilds the lab: what the learner made in the shell is gone', async () => {
    const session = await start('reset', ['run', RETRY]);
    try {
      await choose(session, 'Step 1/1: Find the flag', 'Run the commands', SANDBOX_START_MS);
      await choose(session, FAILED, 'Open a shell in the lab');
      await inLabShell(session, ['ip link add flag0 type veth peer name flag1']);
      await choose(session, FAILED, 'Reset the step and retry');
      const text = await waitFor(session, /Rebuilding the lab as it was when this step began[\s\S]*◆  This step did not pass/);
      expect(text.slice(text.lastIndexOf('Rebuilding the lab'))).toContain('✘ link flag0 exists — no link flag0');
      await choose(session, FAILED, 'Quit');
      expect(await waitFor(session, /EXIT=\d+/)).toContain('EXIT=0');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  });

  it('the solution after a partial attempt runs in the lab reset to the step\'s start, and passes', async () => {
    const session = await start('solution', ['run', CHALLENGE]);
    try {
      await throughFirstStep(session);
      await choose(session, CHALLENGE_TITLE, 'Open a shell in the lab');
      // Half the task by hand (the solution's own first command), and a stray link the reset must clear.
      await inLabShell(session, ['ip netns add c1', 'ip link add junk0 type veth peer name junk1']);
      await waitFor(session, /Try 1: 1 of 2 checks not met yet[\s\S]*◆  Your turn/);

      await choose(session, CHALLENGE_TITLE, 'Show the solution and run it');
      const passed = await waitFor(session, AFTER_STEP);
      const solution = passed.slice(passed.lastIndexOf('Show the solution and run it'));
      expect(solution).toContain('Step done');
      expect(solution).toContain('Rebuilding the lab as it was when this step began');
      expect(solution).not.toContain('File exists');
      expect(solution).toContain(`✔ ${RULE_CHECK}`);
      expect(solution).not.toContain(FAILED);

      // The rebuilt lab holds step 1's namespace (replayed) and the solution's, not the learner's stray link.
      await choose(session, 'What next?', 'Open a shell here');
      const [netns, junk] = await inLabShell(session, ['ip netns list', 'ip link show junk0']);
      expect(netns?.split('\n').map((l) => l.trim()).toSorted()).toEqual(['c0', 'c1']);
      expect(junk).toMatch(/does not exist/);
      await choose(session, 'What next?', 'Quit');
      expect(await waitFor(session, /EXIT=\d+/)).toContain('EXIT=0');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  });

  it('run --step 3 replays the steps before and opens on step 3, with their state in the lab', async () => {
    const session = await start('step', ['run', CHALLENGE, '--step', '3']);
    try {
      const first = await activeMenu(session, 'Step 3/3: Add a flag link', SANDBOX_START_MS);
      expect(first.labels).toEqual(['Run the commands', 'Skip this step', 'Quit']);
      expect(first.text).toContain('Resuming at step 3 of 3.');
      // No earlier step was shown or asked about.
      expect(first.text).not.toMatch(/Step [12]\/3/);
      expect(first.text).not.toContain('Your turn');
      await choose(session, 'Step 3/3: Add a flag link', 'Run the commands');
      expect(await waitFor(session, AFTER_STEP)).toContain('Step done');
      await choose(session, 'What next?', 'Open a shell here');
      // Step 1's commands and step 2's solution were replayed before step 3.
      const [netns] = await inLabShell(session, ['ip netns list']);
      expect(netns?.split('\n').map((l) => l.trim()).toSorted()).toEqual(['c0', 'c1']);
      await choose(session, 'What next?', 'Quit');
      expect(await waitFor(session, /EXIT=\d+/)).toContain('EXIT=0');
    } finally {
      await tmux('kill-session', '-t', session);
    }
  });
});
