import { describe, expect, it, vi } from 'vitest';
import { ClackController } from '../../../src/cli/ui/controller.ts';
import type { Snapshot } from '../../../src/kernel/types.ts';
import type { Check } from '../../../src/lesson/types.ts';
import type { CheckOutcome, StepTools } from '../../../src/run/events.ts';
import { check, lesson, step, stepOutcome, verdict } from '../report/fixtures.ts';
import { CTRL_C, DOWN, ENTER, UP, fakeTerminal } from './drive.ts';

const snapshot: Snapshot = { namespaces: [] };

/** Tools whose shell and snapshot calls are counted. */
function tools(openShell: () => Promise<void> = async () => {}): StepTools & { openShell: ReturnType<typeof vi.fn>; snapshot: ReturnType<typeof vi.fn> } {
  return { openShell: vi.fn(openShell), snapshot: vi.fn(async () => snapshot) };
}

const plain = { color: false, unicode: true } as const;
const s = step(1, 'Connect the pair', { hints: [{ markdown: 'Use `ip link set`.', line: 40 }, { markdown: 'Try **master**.', line: 44 }] });
const l = lesson([step(0, 'Create'), s]);

describe('ClackController.beforeStep', () => {
  it.each([
    [[ENTER], 'run'],
    [[DOWN + ENTER], 'skip'],
    [[DOWN + DOWN + ENTER], 'quit'],
    [[CTRL_C], 'quit'],
  ])('answers %j with %s', async (keys, decision) => {
    const term = fakeTerminal(keys);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.beforeStep(s, l, tools())).toBe(decision);
    expect(term.text()).toContain('Step 2/2: Connect the pair');
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
  });
});

describe('ClackController.challenge', () => {
  const first = { count: 0, lastChecks: [] };
  // Menu: shell, check, hint, reveal, solution, skip, quit.
  const rule = '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE';
  const masq: Check = {
    source: `iptables nat POSTROUTING has "${rule}"`,
    line: 30,
    assertion: { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule, present: true },
  };
  const masqFailed: CheckOutcome = { check: masq, result: { passed: false, message: `nat POSTROUTING has no rule "${rule}" (rules there: none)` } };
  const nat = step(1, 'Masquerade', { checks: [masq], hints: [{ markdown: 'Use `-j MASQUERADE`.', line: 40 }] });

  it('checks the work by itself when the learner leaves the lab shell', async () => {
    const term = fakeTerminal([ENTER]);
    const t = tools();
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.challenge(s, l, t, first)).toBe('check');
    expect(t.openShell).toHaveBeenCalledTimes(1);
    expect(term.text()).toContain('Type exit (or press Ctrl-D) to come back here.');
    expect(term.text()).not.toContain('Run the commands');
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
  });

  it('shows the hints one at a time, says when none are left, then returns solution and says the lab is rebuilt', async () => {
    // The menu comes back with the cursor on the last choice.
    const term = fakeTerminal([DOWN + DOWN + ENTER, ENTER, ENTER, DOWN + DOWN + ENTER]);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.challenge(s, l, tools(), first)).toBe('solution');
    const text = term.text();
    expect(text).toMatch(/Hint 1 of 2[\s\S]*Use `ip link set`\.[\s\S]*Hint 2 of 2[\s\S]*Try master\.[\s\S]*You have seen all 2 hints/);
    expect(text).toContain('none left');
    expect(text).toContain('Rebuilding the lab as it was when this step began');
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
  });

  it('says a step without hints has none', async () => {
    const term = fakeTerminal([DOWN + DOWN + ENTER, DOWN + DOWN + DOWN + ENTER]);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.challenge(step(0, 'Bare'), l, tools(), first)).toBe('skip');
    expect(term.text()).toContain('This step has no hints.');
  });

  it("tells the last try's failures in the learner's terms, without the rule the solution writes", async () => {
    const term = fakeTerminal([DOWN + ENTER]);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    const lastChecks = [verdict(check('red', 25), true), masqFailed];
    expect(await ui.challenge(nat, l, tools(), { count: 1, lastChecks })).toBe('check');
    const text = term.text();
    expect(text).toContain('Try 1: 1 of 2 checks not met yet');
    expect(text).toContain("no MASQUERADE rule for traffic from 172.17.0.0/16 in the nat table's POSTROUTING chain yet");
    expect(text).not.toContain('docker0');
    expect(text).not.toContain('netns red exists');
  });

  it('shows the exact checks on request, and after a hint', async () => {
    const term = fakeTerminal([DOWN + DOWN + DOWN + ENTER, UP + UP + ENTER]);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.challenge(nat, l, tools(), { count: 1, lastChecks: [masqFailed] })).toBe('check');
    expect(term.text()).toMatch(/What the checks look for[\s\S]*✘ iptables nat POSTROUTING has "-s 172\.17\.0\.0\/16 ! -o docker0 -j MASQUERADE"/);

    // After a hint, the next try's failures are shown exactly.
    const hinted = fakeTerminal([DOWN + DOWN + ENTER, UP + ENTER, DOWN + ENTER]);
    const ui2 = new ClackController({ input: hinted.input, output: hinted.output, ...plain });
    expect(await ui2.challenge(nat, l, tools(), { count: 1, lastChecks: [masqFailed] })).toBe('check');
    const beforeHint = hinted.text();
    expect(beforeHint).not.toContain('! -o docker0');
    expect(await ui2.challenge(nat, l, tools(), { count: 2, lastChecks: [masqFailed] })).toBe('check');
    expect(hinted.text().slice(beforeHint.length)).toMatch(/Try 2: 1 of 1 checks not met yet[\s\S]*! -o docker0/);
  });

  it('quits on Ctrl-C, and survives a shell that cannot open', async () => {
    const term = fakeTerminal([ENTER, CTRL_C]);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    const broken = tools(async () => {
      throw new Error('nsenter: cannot open /proc/42/ns/net');
    });
    expect(await ui.challenge(s, l, broken, first)).toBe('quit');
    expect(term.text()).toContain('The lab shell could not be opened: nsenter: cannot open /proc/42/ns/net');
  });
});

describe('ClackController.afterFailure', () => {
  // Menu: retry, reset, shell, skip, quit.
  it.each([
    [[ENTER], 'retry'],
    [[DOWN + ENTER], 'reset'],
    [[DOWN + DOWN + DOWN + ENTER], 'skip'],
    [[UP + ENTER], 'quit'],
    [[CTRL_C], 'quit'],
  ])('answers %j with %s', async (keys, decision) => {
    const term = fakeTerminal(keys);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.afterFailure(stepOutcome(s, { status: 'failed', reason: 'x' }), l, tools())).toBe(decision);
    expect(term.text()).toContain('This step did not pass. What now?');
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
  });

  it('says the step was interrupted, and opens a shell before deciding', async () => {
    const term = fakeTerminal([DOWN + DOWN + ENTER, UP + ENTER]);
    const t = tools();
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.afterFailure(stepOutcome(s, { status: 'failed', interrupted: true, reason: 'interrupted' }), l, t)).toBe('reset');
    expect(t.openShell).toHaveBeenCalledTimes(1);
    expect(term.text()).toContain('Interrupted: the output above is what ran. What now?');
    expect(term.text()).toContain('Rebuilding the lab as it was when this step began');
  });
});

describe('ClackController.afterStep', () => {
  const outcome = stepOutcome(s);

  it('offers continue, a shell and quit when no topology or explanation is given', async () => {
    const term = fakeTerminal([DOWN + ENTER, DOWN + ENTER]);
    const t = tools();
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.afterStep(outcome, l, t)).toBe('quit');
    expect(t.openShell).toHaveBeenCalledTimes(1);
    expect(term.text()).not.toContain('Show the topology');
    expect(term.text()).not.toContain('Explain the commands');
  });

  it('shows the topology of a fresh snapshot and the explanation, then continues', async () => {
    const term = fakeTerminal([DOWN + DOWN + ENTER, DOWN + ENTER, UP + UP + UP + ENTER]);
    const t = tools();
    const topology = vi.fn((snap: Snapshot) => `red ⇄ blue (${snap.namespaces.length} namespaces)`);
    const explainStep = vi.fn(() => 'ip link set veth-red master br0: plugs veth-red into the bridge');
    const ui = new ClackController({ input: term.input, output: term.output, topology, explainStep, ...plain });
    expect(await ui.afterStep(outcome, l, t)).toBe('next');
    expect(t.snapshot).toHaveBeenCalledTimes(1);
    expect(topology).toHaveBeenCalledWith(snapshot);
    expect(explainStep).toHaveBeenCalledWith(s);
    expect(term.text()).toContain('red ⇄ blue (0 namespaces)');
    expect(term.text()).toContain('plugs veth-red into the bridge');
    expect(term.left()).toEqual({ unused: 0, unanswered: 0 });
  });

  it('quits on Ctrl-C', async () => {
    const term = fakeTerminal([CTRL_C]);
    const ui = new ClackController({ input: term.input, output: term.output, ...plain });
    expect(await ui.afterStep(outcome, l, tools())).toBe('quit');
  });
});
