// The checks' own packets are not the learner's: counters and learned MACs that moved while checks ran are taken out.

import { describe, expect, it } from 'vitest';
import { diffSnapshots, discountChecks } from '../../../src/diff/index.ts';
import type { Snapshot } from '../../../src/kernel/types.ts';
import { loadState } from '../../fixtures/topology/snapshot-from-capture.ts';

const text = (before: Snapshot, after: Snapshot): string[] => diffSnapshots(before, after).map((c) => `${c.ns ?? 'host'} ${c.op} ${c.text}`);

/** A copy of a snapshot with every packet counter of the host's nat POSTROUTING rules raised by `n`. */
function morePackets(snap: Snapshot, n: number): Snapshot {
  return {
    namespaces: snap.namespaces.map((ns) => {
      const post = ns.iptables['nat']?.['POSTROUTING'];
      if (ns.kind !== 'host' || !post) return ns;
      return { ...ns, iptables: { ...ns.iptables, nat: { ...ns.iptables['nat'], POSTROUTING: { ...post, rules: post.rules.map((r) => ({ ...r, packets: r.packets + n })) } } } };
    }),
  };
}

describe('discountChecks', () => {
  it('drops a counter that only the checks` ping moved', () => {
    const [start, masq, pinged] = [loadState('nat-start'), loadState('nat-masq'), loadState('nat-pinged')];
    expect(text(start, pinged)).toContain('host ~ nat POSTROUTING rule 1 matched 1 packet');
    const learner = text(start, discountChecks(pinged, [{ start: masq, end: pinged }]));
    expect(learner).toEqual(text(start, masq));
    expect(learner.some((l) => l.includes('matched'))).toBe(false);
  });

  it('keeps the learner`s own packets and takes out only the checks`', () => {
    const [masq, pinged] = [loadState('nat-masq'), loadState('nat-pinged')];
    const checked = morePackets(pinged, 2);
    expect(text(masq, checked)).toEqual(['host ~ nat POSTROUTING rule 1 matched 3 more packets']);
    expect(text(masq, discountChecks(checked, [{ start: pinged, end: checked }]))).toEqual(['host ~ nat POSTROUTING rule 1 matched 1 more packet']);
  });

  it('adds up several check runs (a challenge checked more than once)', () => {
    const masq = loadState('nat-masq');
    const [one, two, three] = [morePackets(masq, 1), morePackets(masq, 3), morePackets(masq, 4)];
    // checks moved 1 (masq → one), the learner 2 (one → two), checks 1 (two → three)
    const windows = [{ start: masq, end: one }, { start: two, end: three }];
    expect(text(masq, discountChecks(three, windows))).toEqual(['host ~ nat POSTROUTING rule 1 matched 2 more packets']);
  });

  it('drops MAC addresses a bridge learned from the checks` traffic', () => {
    const [start, wired, pinged] = [loadState('bridge-start'), loadState('bridge-wired'), loadState('bridge-pinged')];
    expect(text(start, pinged).some((l) => l.includes('learned'))).toBe(true);
    expect(text(start, discountChecks(pinged, [{ start: wired, end: pinged }]))).toEqual(text(start, wired));
  });
});
