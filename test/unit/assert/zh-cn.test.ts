// What checks say in Simplified Chinese: the same verdicts, names, addresses and values, in Chinese sentences.

import { describe, expect, it } from 'vitest';
import { evaluate, evaluateAll, type EvaluateContext } from '../../../src/assert/evaluate.ts';
import { learnerMessage } from '../../../src/assert/learner.ts';
import { checkState } from '../../../src/assert/state.ts';
import type { Assertion } from '../../../src/assert/types.ts';
import type { ShellResult } from '../../../src/sandbox/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import { fixtureSnapshot } from '../kernel/fixtures.ts';

const { t } = translator('zh-CN');

/** A context in Chinese whose probe answers with one canned result. */
function context(result: Partial<ShellResult> = {}, step = { output: '', exitCode: 0 }): EvaluateContext {
  return {
    snapshot: async () => fixtureSnapshot('docker-bridge'),
    probe: async () => ({ exitCode: 0, output: '', timedOut: false, durationMs: 5, ...result }),
    read: async () => ({ exitCode: 0, output: '', timedOut: false, durationMs: 5, ...result }),
    step,
    t,
  };
}

describe('check messages in Chinese', () => {
  it('says what the kernel holds instead, keeping names and states', () => {
    const snapshot = fixtureSnapshot('veth-pair');
    expect(checkState({ kind: 'link', name: 'lo', ns: 'blue', expect: { is: 'up' } }, snapshot, t).message)
      .toBe('命名空间 blue 中的接口 lo 处于 down 状态（state DOWN）；应为 up');
    expect(checkState({ kind: 'netns', name: 'green', expect: 'exists' }, snapshot, t).message).toBe('网络命名空间 green 不存在（现有命名空间：blue、red）');
    expect(checkState({ kind: 'link', name: 'eth0', ns: 'red', expect: { is: 'exists' } }, snapshot, t).message).toBe('没有命名空间 red 中的接口 eth0（那里的接口：lo、veth-red）');
    expect(checkState({ kind: 'link', name: 'veth-red', ns: 'red', expect: { is: 'peer', peer: 'veth-blue', peerNs: undefined } }, snapshot, t).message)
      .toBe('命名空间 red 中的接口 veth-red 的对端是 blue 中的 veth-blue；应为 veth-blue');
  });

  it('words addresses, routes, rules and policies', () => {
    const snapshot = fixtureSnapshot('docker-bridge');
    expect(checkState({ kind: 'addr', cidr: '172.17.0.9/16', dev: 'eth0', ns: 'c1', present: true }, snapshot, t).message)
      .toBe('缺少命名空间 c1 中 eth0 上的地址 172.17.0.9/16（那里的地址：172.17.0.2/16、fe80::3430:70ff:fecd:e03b/64）');
    expect(checkState({ kind: 'route', dest: '10.9.0.0/16', via: undefined, dev: undefined, ns: 'c1' }, snapshot, t).message)
      .toBe('缺少命名空间 c1 中的路由 10.9.0.0/16（那里的路由：default via 172.17.0.1 dev eth0；172.17.0.0/16 dev eth0）');
    const rule = checkState({ kind: 'iptables-rule', table: 'filter', chain: 'INPUT', rule: '-j DROP', present: true }, snapshot, t);
    expect(rule).toEqual({ passed: false, message: 'filter 表的 INPUT 链里没有规则 "-j DROP"（那里的规则：无）', chain: { rules: [] } });
    expect(checkState({ kind: 'iptables-policy', table: 'filter', chain: 'FORWARD', policy: 'ACCEPT' }, snapshot, t).message)
      .toBe('filter 表 FORWARD 链的默认策略是 DROP；应为 ACCEPT');
  });

  it('words live probes and the step output', async () => {
    const lost = '1 packets transmitted, 0 received, 100% packet loss, time 0ms\n';
    expect((await evaluate({ kind: 'ping', addr: '10.0.0.9', from: 'red', expect: 'succeeds' }, context({ exitCode: 1, output: lost }))).message)
      .toBe('从 red 向 10.0.0.9 发 ping 失败（2 秒内 100% packet loss）；应当成功');
    expect((await evaluate({ kind: 'tcp', addr: '172.17.0.2', port: 80, from: undefined, expect: 'open' }, context({ exitCode: 1, output: 'bash: connect: Connection refused' }))).message)
      .toBe('TCP 连接 172.17.0.2:80 不通（连接被拒绝：那个端口上没有程序在监听，或者防火墙拒绝了它）；应当是通的');
    expect((await evaluate({ kind: 'exit-status', status: 0 }, context({}, { output: '', exitCode: 2 }))).message).toBe('退出状态是 2；应为 0');
    expect((await evaluate({ kind: 'output-contains', text: 'ok' }, context({}, { output: 'nope\n', exitCode: 0 }))).message)
      .toBe('输出不包含 "ok"（输出结尾：“nope”）');
  });

  it('says a check held no better within its time, and that a variable is unset', async () => {
    const clock = { now: () => 0, sleep: async () => undefined };
    const [late] = await evaluateAll([{ assertion: { kind: 'exit-status', status: 0 }, withinMs: 0 }], context({}, { output: '', exitCode: 1 }), clock);
    expect(late?.message).toBe('退出状态是 1；应为 0（0 秒后仍是如此）');
    const unset = await evaluate({ kind: 'link', name: '$dev', ns: undefined, expect: { is: 'up' } }, { ...context(), variables: async () => new Map() });
    expect(unset.message).toBe('本课的 shell 里没有设置 $dev；请在这条检查之前的 sh 代码块里设置（例如 dev=$!）');
  });

  it('gives the learner of a challenge the same hints in Chinese', () => {
    const has: Assertion = { kind: 'iptables-rule', table: 'nat', chain: 'POSTROUTING', rule: '-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE', present: true };
    const none = { passed: false, message: 'x', chain: { rules: [] } };
    expect(learnerMessage(has, none, t)).toBe('nat 表的 POSTROUTING 链里还没有 MASQUERADE 规则（针对来自 172.17.0.0/16 的流量）');
    const near = { passed: false, message: 'x', chain: { rules: ['-s 172.17.0.0/16 -j MASQUERADE'] } };
    expect(learnerMessage(has, near, t)).toBe('nat 表的 POSTROUTING 链里有 MASQUERADE 规则，但不是这一步要的那条：检查一下它的出接口');
    const route: Assertion = { kind: 'route', dest: 'default', via: '172.17.0.1', dev: undefined, ns: 'c1' };
    expect(learnerMessage(route, { passed: false, message: 'x' }, t)).toBe('c1 没有按这一步要求走的默认路由');
    expect(learnerMessage({ ...route, ns: undefined }, { passed: false, message: 'x' }, t)).toBe('实验主机没有按这一步要求走的默认路由');
    expect(checkState({ kind: 'addr', cidr: '10.9.9.9/24', dev: 'eth0', ns: undefined, present: true }, fixtureSnapshot('docker-bridge'), t).message)
      .toMatch(/^缺少 eth0 上的地址 10\.9\.9\.9\/24（那里的地址：/);
  });
});
