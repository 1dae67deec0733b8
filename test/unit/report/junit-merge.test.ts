import { describe, expect, it } from 'vitest';
import { junitXml } from '../../../src/report/junit.ts';
import { mergeJunit } from '../../../src/report/junit-merge.ts';
import { block, check, lesson, lessonOutcome, ran, step, stepOutcome, verdict } from './fixtures.ts';
import { parseXml } from './xml.ts';

/** A lesson outcome with one step; failing when asked, with markup in its output. */
function outcome(id: string, failing = false) {
  const s = step(0, `Step of ${id}`, { commands: [block('ip netns add red', 20)] });
  const l = lesson([s], { id, file: `lessons/${id}.md` });
  const parts = failing ? { blocks: [ran(s.commands[0]!, '<oops> & done\n', 1)], checks: [verdict(check('red', 22), false)], reason: 'exit 1' } : {};
  return lessonOutcome(l, [stepOutcome(s, { durationMs: 1000, ...parts })], { durationMs: 2000 });
}

describe('mergeJunit', () => {
  const shard1 = { file: 'junit-1.xml', text: junitXml([outcome('one'), outcome('three', true)]) };
  const shard2 = { file: 'junit-2.xml', text: junitXml([outcome('two')]) };

  it('holds every testsuite of every file once, in order, as a well-formed document with the times summed', () => {
    const root = parseXml(mergeJunit([shard1, shard2]));
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toEqual({ name: 'steplab', time: '6.000' });
    expect(root.children.map((s) => s.attrs.name)).toEqual(['one', 'three', 'two']);
    const failure = root.children[1]!.children.find((c) => c.name === 'testcase')!.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.text).toContain('<oops> & done');
  });

  it('keeps an empty shard\'s report as no suites', () => {
    const merged = parseXml(mergeJunit([{ file: 'junit-3.xml', text: junitXml([]) }, shard2]));
    expect(merged.children.map((s) => s.attrs.name)).toEqual(['two']);
  });

  it('refuses a lesson that two files hold, naming both', () => {
    expect(() => mergeJunit([shard1, shard2, { file: 'junit-9.xml', text: shard1.text }])).toThrow('lesson "one" is in both junit-1.xml and junit-9.xml');
  });

  it('refuses a file steplab did not write', () => {
    expect(() => mergeJunit([{ file: 'other.xml', text: '<?xml version="1.0"?><testsuites name="jest"></testsuites>' }])).toThrow('other.xml is not a JUnit report written by steplab');
    expect(() => mergeJunit([{ file: 'notes.txt', text: 'hello' }])).toThrow(/notes\.txt is not a JUnit report/);
  });
});
