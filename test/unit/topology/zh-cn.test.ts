// The topology pictures in Simplified Chinese: the same drawing, its words (titles, wires, NAT notes) in Chinese.

import { describe, expect, it } from 'vitest';
import { buildTopology, renderAscii, renderDot, renderMermaid } from '../../../src/topology/index.ts';
import { translator } from '../../../src/i18n/index.ts';
import { expectGoldenPicture } from '../../fixtures/topology/golden.ts';
import { loadState } from '../../fixtures/topology/snapshot-from-capture.ts';
import { displayWidth } from '../../../src/util/text-width.ts';

/** Assert no line takes more than `width` terminal columns (a Chinese character takes two). */
function expectWithin(text: string, width: number): void {
  for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
}

const { t } = translator('zh-CN');

describe('the topology in Chinese', () => {
  it('names the lab host and the simulated internet, and glosses NAT rules in Chinese', () => {
    const topo = buildTopology(loadState('lab6-final'), t);
    expect(topo.namespaces.map((n) => n.label)).toEqual(['实验主机', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', '模拟互联网']);
    const br0 = topo.namespaces[0]?.bridges.find((b) => b.name === 'br0');
    expect(br0?.nat.map((r) => r.text)).toEqual(['对 172.18.0.0/16 做 MASQUERADE 源地址转换，除非是从 br0 出去的']);
  });

  it('draws DOT and Mermaid with Chinese labels and the same structure (golden)', () => {
    const dot = expectGoldenPicture('lab6-final', 'zh-CN/lab6-final.dot', (s) => renderDot(s, t));
    expect(dot).toContain('label="实验主机";');
    expect(dot).toContain('"host/veth-c1" -- "host/docker0" [label="端口", style=dashed];');
    expect(dot).toContain('[label="网桥 docker0\\n172.17.0.1/16", shape=box3d];');
    const mmd = expectGoldenPicture('lab6-final', 'zh-CN/lab6-final.mmd', (s) => renderMermaid(s, t));
    expect(mmd).toContain('host__veth_2d_c1 ---|端口| host__docker0');
    expect(mmd.match(/^ {2}subgraph /gm)?.length).toBe(8);
  });

  it('words the lines of the box drawing in Chinese', () => {
    const text = renderAscii(loadState('lab6-final'), { width: 120, t });
    expect(text).toContain('─ 实验主机 ─');
    expect(text).toContain('─ 网桥 docker0 172.17.0.1/16 ─');
    expect(text).toContain('eth0 203.0.113.2/24 ⇄ 互联网:eth0');
    expect(text).toContain('主机:eth0 的 macvlan 子接口');
    expect(text).toContain('DNAT：把 tcp 流量（目的端口 8080）转发到 172.17.0.2:80');
    expect(renderAscii(loadState('netns-two'), { width: 80, t })).toContain('只有 lo（已停用）');
  });

  it.each([60, 120])('draws the Chinese boxes aligned within %i columns (golden)', (width) => {
    const text = expectGoldenPicture('lab6-final', `zh-CN/lab6-final.${width}.txt`, (s) => renderAscii(s, { width, t }));
    expectWithin(text, width);
    // Every line of a box is as wide as its top edge, so the right borders line up.
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (!line.startsWith('│')) continue;
      const top = lines.slice(0, i).findLast((l) => l.startsWith('┌')) ?? '';
      expect(displayWidth(line), line).toBe(displayWidth(top));
    }
    expectWithin(renderAscii(loadState('nat-served'), { width, t, ascii: true }), width);
  });

  it('leaves the English picture as it was', () => {
    expect(renderAscii(loadState('lab6-final'), { width: 80, t: translator('en').t })).toBe(renderAscii(loadState('lab6-final'), { width: 80 }));
  });
});
