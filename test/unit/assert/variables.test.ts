import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluateContext } from '../../../src/assert/evaluate.ts';
import { parseAssertion } from '../../../src/assert/parse.ts';
import type { Assertion } from '../../../src/assert/types.ts';
import { assertionVariables, assignedNames, expandAssertion, parseVariables, readVariablesCode, shellReferences, variableNames } from '../../../src/assert/variables.ts';
import { fixtureSnapshot } from '../kernel/fixtures.ts';

const parsed = (line: string): Assertion => {
  const a = parseAssertion(line);
  if (!('kind' in a)) throw new Error(`${line}: ${a.message}`);
  return a;
};

describe('variables in check lines', () => {
  it('finds $NAME and ${NAME}, once each', () => {
    expect(variableNames('ip netns exec $pid ip link show ${dev}; echo $pid $1 $$')).toEqual(['pid', 'dev']);
  });

  it('finds the names shell code assigns', () => {
    const code = 'unshare --net sleep 600 &\npid=$!\nexport NS=red; local a b=2\nread -r x y < f\nfor i in 1 2; do :; done\nmapfile -t lines < f\narr[1]=x';
    expect([...assignedNames(code)].sort()).toEqual(['NS', 'a', 'arr', 'b', 'i', 'lines', 'pid', 'x', 'y'].sort());
    expect([...assignedNames("echo 'pid=1'")]).toEqual([]);
  });

  it('takes from the lesson only what an sh command does not set itself, outside single quotes', () => {
    expect(shellReferences('ip netns exec $pid ip -o addr show dev eth0 | grep -q $addr')).toEqual(['pid', 'addr']);
    expect(shellReferences('for i in 1 2; do echo $i; done; echo $HOME \'$x\'')).toEqual([]);
  });

  it('parses variables where namespace and link names go, and lists them', () => {
    expect(parsed('netns $pid exists')).toEqual({ kind: 'netns', name: '$pid', expect: 'exists' });
    expect(assertionVariables(parsed('link eth0 in $pid is up'))).toEqual(['pid']);
    expect(assertionVariables(parsed('link veth-${n}-with-a-long-name in ns-$n has peer $peer in $pid'))).toEqual(['n', 'peer', 'pid']);
    expect(assertionVariables(parsed('sh "ip netns exec $pid true" in $ns succeeds'))).toEqual(['ns', 'pid']);
    expect(assertionVariables(parsed('ping 10.0.0.1 from $pid succeeds'))).toEqual(['pid']);
  });

  it('fills them in, and says when one is unset or is not a name', () => {
    const vars = new Map([['pid', '4242'], ['bad', 'a b'], ['long', 'x'.repeat(16)]]);
    expect(expandAssertion(parsed('link eth0 in $pid is up'), vars)).toEqual({ assertion: { kind: 'link', name: 'eth0', ns: '4242', expect: { is: 'up' } } });
    expect(expandAssertion(parsed('netns ns-${pid} exists'), vars)).toEqual({ assertion: { kind: 'netns', name: 'ns-4242', expect: 'exists' } });
    expect(expandAssertion(parsed('netns $nope exists'), vars)).toEqual({ problem: "$nope is not set in the lesson's shell; set it in a sh block before this check (e.g. nope=$!)" });
    expect(expandAssertion(parsed('netns $bad exists'), vars)).toEqual({ problem: `$bad is "a b" in the lesson's shell, which is not a namespace name` });
    expect(expandAssertion(parsed('link $long exists'), vars)).toEqual({ problem: `$long is "${'x'.repeat(16)}" in the lesson's shell, which is not a link name` });
  });

  it('reads them in the probe shell as NAME=VALUE records', () => {
    expect(readVariablesCode(['pid', 'x'])).toContain('. /run/steplab/lesson-vars.sh');
    expect(readVariablesCode(['pid', 'x'])).toContain('for n in pid x;');
    expect(parseVariables('pid=42\0msg=a=b\nc\0')).toEqual(new Map([['pid', '42'], ['msg', 'a=b\nc']]));
  });
});

describe('evaluate with the lesson shell`s variables', () => {
  const context = (vars: Record<string, string>, probes: { exitCode: number; output: string }[] = []) => {
    const asked: string[][] = [];
    const calls: string[] = [];
    const ctx: EvaluateContext = {
      snapshot: async () => fixtureSnapshot('veth-pair'),
      probe: async (code) => {
        calls.push(code);
        return { timedOut: false, durationMs: 1, ...(probes.shift() ?? { exitCode: 0, output: '' }) };
      },
      read: async (code) => {
        calls.push(code);
        return { timedOut: false, durationMs: 1, ...(probes.shift() ?? { exitCode: 0, output: '' }) };
      },
      variables: async (names) => {
        asked.push([...names]);
        return new Map(Object.entries(vars).filter(([n]) => names.includes(n)));
      },
      step: { output: '', exitCode: 0 },
    };
    return { ctx, asked, calls };
  };

  it('evaluates a state check with its variable filled in', async () => {
    const snapshot = fixtureSnapshot('veth-pair');
    const ns = snapshot.namespaces.find((n) => n.kind === 'netns')?.name ?? '';
    const { ctx, asked } = context({ pid: ns });
    expect(await evaluate(parsed('netns $pid exists'), ctx)).toEqual({ passed: true, message: `netns ${ns} exists` });
    expect(asked).toEqual([['pid']]);
  });

  it('fails a check whose variable is unset, saying so', async () => {
    const { ctx, calls } = context({});
    expect(await evaluate(parsed('link eth0 in $pid is up'), ctx)).toEqual({
      passed: false, message: "$pid is not set in the lesson's shell; set it in a sh block before this check (e.g. pid=$!)",
    });
    expect(calls).toEqual([]);
  });

  it('runs sh with the variables in its environment, and names an unset one when it fails', async () => {
    const { ctx, calls } = context({}, [{ exitCode: 1, output: 'Cannot open network namespace "ip": No such file or directory\n' }]);
    const result = await evaluate(parsed('sh "ip netns exec $pid ip link show eth0" succeeds'), ctx);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/Cannot open network namespace "ip".*; \$pid is not set in the lesson's shell/);
    expect(calls[0]).toMatch(/^\( set -a; \. \/run\/steplab\/lesson-vars\.sh 2>\/dev\/null; set \+a; sh -c /);
    const set = context({ pid: '42' }, [{ exitCode: 1, output: 'no eth0\n' }]);
    expect((await evaluate(parsed('sh "ip netns exec $pid ip link show eth0" succeeds'), set.ctx)).message).not.toMatch(/not set/);
  });
});
