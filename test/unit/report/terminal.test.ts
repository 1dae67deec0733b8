import { describe, expect, it } from 'vitest';
import { TerminalReporter, promptLines } from '../../../src/report/terminal.ts';
import { CHANGES, block, check, lesson, lessonOutcome, ran, sink, step, stepOutcome, verdict } from './fixtures.ts';

/** A reporter without colour writing to a string. */
function reporter(unicode = true, extra: { maxOutputLines?: number } = {}) {
  const out = sink();
  return { out, r: new TerminalReporter({ stream: out, color: false, unicode, width: 60, ...extra }) };
}

describe('TerminalReporter', () => {
  const add = block('ip netns add red\nip netns add blue', 20);
  const create = step(0, 'Create two namespaces', { commands: [add], checks: [check('red', 25)] });
  const ping = step(1, 'Ping across', {
    body: [
      { kind: 'prose', markdown: 'Try `ping`.', line: 30 },
      { kind: 'illustration', lang: 'console', code: 'PING 10.0.0.2', line: 31 },
      { kind: 'commands', block: block('ping -c1 10.0.0.2', 34, { exit: 1 }) },
    ],
    commands: [block('ping -c1 10.0.0.2', 34, { exit: 1 })],
  });
  const l = lesson([create, ping]);

  it('prints the title, the rendered introduction and a step with its prose and commands in order', () => {
    const { out, r } = reporter();
    r.onLessonStart(l, { target: 'local', resumeFrom: 0 });
    r.onStepStart(ping, l);
    expect(out.text()).toBe(
      [
        '',
        'Connect two namespaces with a veth pair',
        'lessons/02-veth-pairs.md · 2 steps · target local',
        '',
        'A veth pair is a virtual cable.',
        '',
        'Step 2/2 · Ping across',
        '',
        'Try `ping`.',
        '',
        '  PING 10.0.0.2',
        '',
        '$ ping -c1 10.0.0.2',
        '',
      ].join('\n'),
    );
  });

  it('says where a resumed lesson picks up', () => {
    const { out, r } = reporter();
    r.onLessonStart(l, { target: 'local', resumeFrom: 1 });
    expect(out.text()).toContain('Resuming at step 2 of 2.');
  });

  it('shows block output indented, and checks with ✔ and ✘ and their message', () => {
    const { out, r } = reporter();
    r.onBlockEnd(ran(add, 'done\n'), create);
    r.onCheck(verdict(check('red', 25), true), create, 'after');
    r.onCheck(verdict(check('blue', 26), false), create, 'after');
    expect(out.text()).toBe(
      ['', 'Output of the 2 commands `ip netns add red` … `ip netns add blue`:', '    done', '', 'Checks:', '  ✔ netns red exists', '  ✘ netns blue exists — netns blue is absent; expected it to exist', ''].join('\n'),
    );
  });

  it('heads each attempt of a challenge with its own Checks: line', () => {
    const { out, r } = reporter();
    const red = check('red', 25);
    r.onCheck(verdict(red, false), create, 'after');
    r.onCheck(verdict(red, true), create, 'after');
    expect(out.text()).toBe(['', 'Checks:', '  ✘ netns red exists — netns red is absent; expected it to exist', '', 'Checks:', '  ✔ netns red exists', ''].join('\n'));
  });

  it('falls back to ok/FAIL without Unicode', () => {
    const { out, r } = reporter(false);
    r.onCheck(verdict(check('red', 25), true), create, 'after');
    r.onCheck(verdict(check('blue', 26), false), create, 'after');
    expect(out.text()).toContain('  ok netns red exists\n  FAIL netns blue exists - netns blue is absent');
  });

  it('keeps the checks a challenge runs before its solution quiet', () => {
    const { out, r } = reporter();
    r.onCheck(verdict(check('red', 25), false), create, 'before-solution');
    expect(out.text()).toBe('');
  });

  it('says clearly when a block ended with another status than expected, or timed out', () => {
    const { out, r } = reporter();
    r.onBlockEnd(ran(add, 'RTNETLINK answers: File exists\n', 2), create);
    r.onBlockEnd(ran(block('sleep 99', 40, { timeoutMs: 5000 }), '', 0, true), create);
    expect(out.text()).toBe(
      [
        '',
        'Output of the 2 commands `ip netns add red` … `ip netns add blue`:',
        '    RTNETLINK answers: File exists',
        '✘ The commands at line 20 went wrong: expected exit 0, got 2.',
        '✘ The commands at line 40 went wrong: timed out after 5.0 s.',
        '',
      ].join('\n'),
    );
  });

  it('names the command a block of several stopped at', () => {
    const { out, r } = reporter();
    r.onBlockEnd({ ...ran(block('ip netns add red\nip link set nope up', 30), '', 1), failedLine: 2 }, create);
    expect(out.text()).toContain('✘ The commands at line 30 went wrong: expected exit 0, got 1 at `ip link set nope up` (line 32).');
  });

  it('cuts long output to its tail with a note', () => {
    const { out, r } = reporter(true, { maxOutputLines: 3 });
    r.onBlockEnd(ran(add, 'l1\nl2\nl3\nl4\nl5\n'), create);
    expect(out.text()).toBe(['', 'Output of the 2 commands `ip netns add red` … `ip netns add blue`:', '    … 2 earlier lines not shown', '    l3', '    l4', '    l5', ''].join('\n'));
  });

  it('stays quiet about hidden setup blocks that went well, and shows a solution as it starts', () => {
    const { out, r } = reporter();
    const setup = block('ip link add x type veth peer name y', 5, { kind: 'setup' });
    r.onBlockStart(setup, undefined);
    r.onBlockEnd(ran(setup, 'noise\n'), undefined);
    expect(out.text()).toBe('');
    r.onBlockStart(block('ip netns add red', 50, { kind: 'solution' }), create);
    expect(out.text()).toBe('\nSolution:\n$ ip netns add red\n');
  });

  it('shows what changed in the kernel, or that nothing did, and the step verdict', () => {
    const { out, r } = reporter();
    r.onStepEnd(stepOutcome(create, { changes: CHANGES }), l);
    r.onStepEnd(stepOutcome(ping), l);
    r.onStepEnd(stepOutcome(ping, { status: 'failed', reason: 'ping 10.0.0.2 answered; expected no answer' }), l);
    const text = out.text();
    expect(text).toContain('What changed in the kernel:\n  lab host\n    + namespace red\n  namespace red\n    + veth veth-red\n✔ Step done (123 ms).');
    expect(text).toContain('\nNothing changed in the kernel.\n✔ Step done (123 ms).');
    expect(text).toContain('✘ Step failed: ping 10.0.0.2 answered; expected no answer');
  });

  it('does not print a failed check a second time in the step`s verdict', () => {
    const { out, r } = reporter();
    const failed = verdict(check('blue', 26), false);
    r.onCheck(failed, create, 'after');
    r.onStepEnd(stepOutcome(create, { checks: [verdict(check('red', 25), true), failed], reason: 'lessons/02-veth-pairs.md:26: netns blue exists: netns blue is absent; expected it to exist' }), l);
    const text = out.text();
    expect(text.split('netns blue is absent')).toHaveLength(2);
    expect(text).toContain('✘ Step failed: 1 of 2 checks did not hold (see above).');
  });

  it('labels output by its command, and background blocks as such', () => {
    const { out, r } = reporter();
    const bg = block('# listen\nsocat TCP-LISTEN:80,fork SYSTEM:"echo hi"', 60, { background: true });
    r.onStepStart(step(0, 'Serve', { commands: [bg] }), l);
    r.onBlockEnd(ran(bg, 'started\n'), create);
    r.onBlockEnd(ran(block('ip -br link', 70), 'lo UP\n'), create);
    const text = out.text();
    expect(text).toContain('\nIn the background (keeps running while the next commands run):\n$ # listen\n$ socat');
    expect(text).toContain('\nOutput of `socat TCP-LISTEN:80,fork SYSTEM:"echo hi"` (in the background):\n    started\n    (running in the background)');
    expect(text).toContain('\nOutput of `ip -br link`:\n    lo UP');
    expect(text).not.toMatch(/at line \d+:/);
  });

  it('renders backticks in a step title as code, not raw', () => {
    const { out, r } = reporter();
    r.onStepStart(step(0, 'Look with `ip -br link` **first**'), l);
    expect(out.text()).toContain('Step 1/2 · Look with `ip -br link` first\n');
  });

  it('sums the lesson up: steps passed, failed, skipped and the time', () => {
    const { out, r } = reporter();
    const steps = [stepOutcome(create), stepOutcome(ping, { status: 'skipped' })];
    r.onLessonEnd(lessonOutcome(l, steps));
    expect(out.text()).toBe('\n✔ Connect two namespaces with a veth pair: done. Steps: 1 passed, 0 failed, 1 skipped in 4.3 s.\n');
  });

  it('names the broken tool when a lesson could not run', () => {
    const { out, r } = reporter();
    r.onLessonEnd(lessonOutcome(l, [], { status: 'broken', error: 'user namespaces are disabled' }));
    expect(out.text()).toContain('✘ steplab could not run lessons/02-veth-pairs.md: user namespaces are disabled');
  });

  it('tells the learner a challenge is theirs to do', () => {
    const { out, r } = reporter();
    const challenge = step(0, 'Make a namespace', { challenge: true, solution: [block('ip netns add red', 9, { kind: 'solution' })] });
    r.onStepStart(challenge, lesson([challenge]));
    expect(out.text()).toContain('Your turn: do this yourself in the sandbox, then check your work.');
    expect(out.text()).not.toContain('ip netns add red');
  });

  it('colours when asked', () => {
    const out = sink();
    const r = new TerminalReporter({ stream: out, color: true, unicode: true, width: 60 });
    r.onCheck(verdict(check('red', 25), true), create, 'after');
    expect(out.text()).toContain('\u001b[32m✔\u001b[39m');
  });
});

describe('promptLines', () => {
  it('puts $ before each command and indents continued lines', () => {
    expect(promptLines('ip link add a \\\n  type veth\n\nip link')).toEqual(['$ ip link add a \\', '    type veth', '', '$ ip link']);
  });
});
