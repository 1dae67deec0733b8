// What changed in the kernel during a step, in plain words, from the snapshots taken before and after it.

import type { Snapshot } from '../kernel/types.ts';
import type { Change, ChangeKind } from './types.ts';
import { diffAddresses } from './addresses.ts';
import { diffFdb } from './fdb.ts';
import type { Found } from './found.ts';
import { diffIptables } from './iptables.ts';
import { diffLinks } from './links.ts';
import { matchLinks } from './match.ts';
import { namespacePhrase, pairNamespaces, type NamespacePair } from './namespaces.ts';
import { diffRoutes } from './routes.ts';
import { diffSockets } from './sockets.ts';
import { diffSysctls } from './sysctls.ts';

export { renderChanges, nothingChanged, NOTHING_CHANGED } from './render.ts';
export { discountChecks, type CheckWindow } from './discount.ts';

const KIND_ORDER: readonly ChangeKind[] = ['netns', 'link', 'bridge', 'addr', 'route', 'fdb', 'iptables', 'counter', 'sysctl', 'socket'];

/** Every change between two snapshots, grouped by namespace (lab host, named ones, world); `[]` when nothing changed. */
export function diffSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const pairs = pairNamespaces(before, after);
  const matching = matchLinks(pairs);
  const found: Found[] = [
    ...pairs.flatMap(namespaceChange),
    ...diffLinks(pairs, matching),
    ...diffAddresses(matching),
    ...pairs.flatMap((p) => [...diffRoutes(p, matching), ...diffFdb(p, after), ...diffIptables(p), ...diffSysctls(p), ...diffSockets(p)]),
  ];
  const news = withLoopbackAddresses(found).filter((f) => !f.noise);
  const told = news.length > 0 ? news : found;
  const order = (f: Found): number => pairs.findIndex((p) => p.name === f.ns) * 100 + KIND_ORDER.indexOf(f.kind);
  return told
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
    .map(({ f }): Change => ({ ns: f.ns, kind: f.kind, op: f.op, text: f.text }));
}

/** The kernel gives lo 127.0.0.1/8 and ::1/128 as it comes up: say so on the `lo is up` line rather than nowhere. */
function withLoopbackAddresses(found: readonly Found[]): Found[] {
  const brought = found.filter((f) => f.kind === 'addr' && f.op === '+' && f.noise && /^(127\.|::1\/)/.test(f.text));
  return found.map((f) => {
    if (f.kind !== 'link' || f.op !== '~') return f;
    const with_ = brought.filter((a) => f.ns === a.ns && f.text === `${a.on} is up`).map((a) => a.text.slice(0, a.text.indexOf(' on ')));
    return with_.length === 0 ? f : { ...f, text: `${f.text}, which gives it ${with_.join(' and ')}` };
  });
}

/** `+ namespace red` / `- namespace red`. */
function namespaceChange(pair: NamespacePair): Found[] {
  if (pair.before && pair.after) return [];
  return [{ ns: pair.name, kind: 'netns', op: pair.after ? '+' : '-', text: namespacePhrase(pair.name, pair.kind).replace(/^the /, '') }];
}
