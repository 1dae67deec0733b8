import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JunitReporter, junitXml, xmlEscape } from '../../../src/report/junit.ts';
import { block, check, lesson, lessonOutcome, ran, step, stepOutcome, verdict } from './fixtures.ts';
import { parseXml } from './xml.ts';

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(xmlEscape(`a<b>&"c'\u0000\u0007\u001b[31mred\u001b[0m\ttab`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;red&#9;tab');
    expect(xmlEscape('lone \uD800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀');
  });
});

describe('junitXml', () => {
  const add = block('ip netns add red', 20);
  const create = step(0, 'Create <red> & "blue"', { commands: [add] });
  const ping = step(1, 'Ping across', { commands: [block('ping -c1 10.0.0.2', 34)] });
  const look = step(2, 'Look around');
  const never = step(3, 'Never reached');
  const l = lesson([create, ping, look, never]);
  const failing = stepOutcome(ping, {
    blocks: [ran(ping.commands[0]!, 'PING 10.0.0.2\n\u001b[1mconnect\u001b[0m: <unreachable> \u0001\n', 2)],
    checks: [verdict(check('blue', 36), false)],
    reason: 'exit 2 & 1 check "failed"',
    durationMs: 1500,
  });
  const outcome = lessonOutcome(l, [stepOutcome(create, { durationMs: 45 }), failing, stepOutcome(look, { status: 'skipped' })], {
    status: 'quit',
  });

  it('has a testsuite per lesson and a testcase per step, with failures, skips and times in seconds', () => {
    const broken = lessonOutcome(lesson([step(0, 'First')], { id: 'nat', file: 'lessons/08-nat.md' }), [], { status: 'broken', error: 'unshare: <denied>' });
    const root = parseXml(junitXml([outcome, broken]));
    expect(root.name).toBe('testsuites');
    const [suite, brokenSuite] = root.children;
    expect(suite!.attrs).toMatchObject({ name: 'veth-pairs', file: 'lessons/02-veth-pairs.md', tests: '4', failures: '1', errors: '0', skipped: '2', time: '4.250' });
    const cases = suite!.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name, c.attrs.time])).toEqual([
      ['veth-pairs', 'Create <red> & "blue"', '0.045'],
      ['veth-pairs', 'Ping across', '1.500'],
      ['veth-pairs', 'Look around', '0.123'],
      ['veth-pairs', 'Never reached', '0.000'],
    ]);
    expect(cases[0]!.children).toEqual([]);
    const failure = cases[1]!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attrs.message).toBe('exit 2 & 1 check "failed"');
    expect(failure.text).toBe(
      [
        'sh block at lessons/02-veth-pairs.md:34: expected exit 0, got 2',
        '  | PING 10.0.0.2',
        '  | connect: <unreachable> ',
        'netns blue exists: netns blue is absent; expected it to exist (lessons/02-veth-pairs.md:36)',
      ].join('\n'),
    );
    expect(cases[2]!.children.map((c) => c.name)).toEqual(['skipped']);
    expect(cases[3]!.children[0]!.attrs.message).toBe('not reached');
    expect(suite!.children[0]!.children[0]!.attrs).toEqual({ name: 'target', value: 'local' });
    expect(brokenSuite!.attrs).toMatchObject({ name: 'nat', errors: '1', tests: '2' });
    const error = brokenSuite!.children.find((c) => c.name === 'testcase')!.children[0]!;
    expect(error).toMatchObject({ name: 'error', attrs: { message: 'unshare: <denied>' } });
  });

  it('is checked by a reader that rejects unescaped markup, bad entities, control characters and mismatched tags', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    for (const bad of ['<a b="<"/>', '<a>&x;</a>', '<a>x & y</a>', '<a>\u0001</a>', '<a><b></a></b>', '<a>', '<a/><b/>']) {
      expect(() => parseXml(head + bad), bad).toThrow();
    }
    expect(parseXml(`${head}<a b="&lt;"><c/>x &amp; y</a>`)).toEqual({ name: 'a', attrs: { b: '<' }, children: [{ name: 'c', attrs: {}, children: [], text: '' }], text: 'x & y' });
  });

  it('is well formed for an empty run', () => {
    expect(parseXml(junitXml([])).children).toEqual([]);
  });
});

describe('JunitReporter', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the file when the run ends, leaving no temp file behind', async () => {
    dir = await mkdtemp(join(tmpdir(), 'steplab-junit-'));
    const file = join(dir, 'reports', 'junit.xml');
    const l = lesson([step(0, 'Only')]);
    await new JunitReporter(file).onRunEnd([lessonOutcome(l, [stepOutcome(l.steps[0]!)])]);
    const root = parseXml(await readFile(file, 'utf8'));
    expect(root.children[0]!.attrs.name).toBe('veth-pairs');
    expect(await readdir(join(dir, 'reports'))).toEqual(['junit.xml']);
  });
});
