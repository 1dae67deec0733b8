// What changed, in Simplified Chinese: the same changes over captured states, told in Chinese sentences.

import { describe, expect, it } from 'vitest';
import { diffSnapshots, nothingChanged, renderChanges } from '../../../src/diff/index.ts';
import { glossRule } from '../../../src/diff/gloss.ts';
import { translator } from '../../../src/i18n/index.ts';
import { loadState } from '../../fixtures/topology/snapshot-from-capture.ts';

const { t } = translator('zh-CN');

/** The changes between two captured states as `ns op text` lines, in Chinese. */
function lines(before: string, after: string): string[] {
  return diffSnapshots(loadState(before), loadState(after), t).map((c) => `${c.ns ?? 'host'} ${c.op} ${c.text}`);
}

describe('what changed, in Chinese', () => {
  it('tells namespaces, a veth pair and its move with the rename', () => {
    expect(lines('netns-empty', 'netns-two')).toEqual(['blue + 命名空间 blue', 'red + 命名空间 red']);
    expect(lines('veth-start', 'veth-pair')).toEqual(['host + 虚拟网卡对 veth veth0 ⇄ veth1']);
    expect(lines('veth-pair', 'veth-moved')).toEqual(['host ~ veth1 被移到了命名空间 c1，并改名为 eth0', 'c1 ~ c1 中的 eth0 已启用（up）']);
  });

  it('tells a bridge, its ports, the addresses lo brings, and what the bridge learned', () => {
    const wired = lines('bridge-start', 'bridge-wired');
    expect(wired.slice(0, 5)).toEqual(['host + 网桥 docker0，已启用', 'host ~ veth-a 已启用（up）', 'host ~ veth-b 已启用（up）', 'host + veth-a 接到了网桥 docker0 上', 'host + veth-b 接到了网桥 docker0 上']);
    expect(wired).toContain('c1 ~ c1 中的 lo 已启用（up），随之获得了 127.0.0.1/8');
    expect(wired).toContain('c1 + c1 中的 eth0 上的 172.17.0.2/16');
    expect(lines('bridge-wired', 'bridge-pinged')[0]).toMatch(/^host \+ 网桥 docker0 在 veth-a 上学到了 ([0-9a-f]{2}:){5}[0-9a-f]{2}（c1 中的 eth0）$/);
  });

  it('tells rules with their gloss, policies and counters', () => {
    expect(lines('nat-start', 'nat-masq')).toEqual([
      'host + nat 表 POSTROUTING 链：-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE —— 对 172.17.0.0/16 做 MASQUERADE 源地址转换，除非是从 docker0 出去的',
      'host ~ ip_forward 0 → 1',
    ]);
    expect(lines('nat-masq', 'nat-pinged')).toEqual(['host ~ nat 表 POSTROUTING 链的第 1 条规则又匹配了 1 个数据包']);
    const served = lines('nat-pinged', 'nat-served');
    expect(served).toContain('host ~ filter 表 FORWARD 链的默认策略 ACCEPT → DROP');
    expect(served).toContain('host + nat 表的链 DOCKER');
    expect(served).toContain('c1 + 监听 tcp *:80');
  });

  it('glosses DNAT with the port and the `unless` condition last', () => {
    expect(glossRule('! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80', new Set(), t))
      .toBe('把 tcp 流量（目的端口 8080）转发到 172.17.0.2:80，除非是从 docker0 进来的');
    expect(glossRule('-o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT', new Set(), t))
      .toBe('放行流量（从 docker0 出去，属于状态为 related 或 established 的连接）');
  });

  it('renders headings and the nothing-changed lines in Chinese', () => {
    expect(renderChanges([{ ns: 'world', kind: 'sysctl', op: '~', text: 'ip_forward 1 → 0' }], 80, t)).toBe('模拟互联网\n  ~ ip_forward 1 → 0');
    expect(renderChanges([], 80, t)).toBe('内核里什么也没有变');
    expect(nothingChanged('ip neigh flush all', t)).toMatch(/^接口、地址、路由、网桥、防火墙、内核参数和套接字都没有变化；/);
  });
});
