// hostChanges, by which the host-state tests fail: it must see a line gone and a line new, and nothing in an equal state.

import { describe, expect, it } from 'vitest';
import { hostChanges } from '../../integration/host-state.ts';

const before = '## ip -o link show\n1: lo: <LOOPBACK,UP>\n2: eth0: <UP>\n\n## ip netns list\n\n## iptables-save\n*nat\nCOMMIT\n';

describe('hostChanges', () => {
  it('is empty for the same state', () => {
    expect(hostChanges(before, before)).toEqual([]);
  });

  it('names a line gone and a line new, with the command whose output held it', () => {
    const after = before.replace('2: eth0: <UP>', '3: br-test: <UP>').replace('*nat\n', '*nat\n-A POSTROUTING -j MASQUERADE\n');
    expect(hostChanges(before, after)).toEqual([
      '- ## ip -o link show: 2: eth0: <UP>',
      '+ ## ip -o link show: 3: br-test: <UP>',
      '+ ## iptables-save: -A POSTROUTING -j MASQUERADE',
    ]);
  });
});
