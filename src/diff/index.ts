// What changed in the kernel during a step, in plain words, from the snapshots taken before and after it.

import { english, type Translate } from '../i18n/index.ts';
import type { Snapshot } from '../kernel/types.ts';
import type { Change, ChangeKind } from './types.ts';
import { diffAddresses } from './addresses.ts';
import { diffFdb } from './fdb.ts';
import type { Found } from './found.ts';
import { diffIptables } from './iptables.ts';
import { diffLinks } from './links.ts';
import { matchLinks } from './match.ts';
import { pairNamespaces, type NamespacePair } from './namespaces.ts';
import { diffRoutes } from './routes.ts';
import { diffSockets } from './sockets.ts';
import { diffSysctls } from './sysctls.ts';

export { renderChanges, nothingChanged, NOTHING_CHANGED } from './render.ts';
export { discountChecks, type CheckWindow } from './discount.ts';

const KIND_ORDER: readonly ChangeKind[] = ['netns', 'link', 'bridge', 'addr', 'route', 'fdb', 'iptables', 'counter', 'sysctl', 'socket'];

/** Every change between two snapshots, grouped by namespace (lab host, named ones, world); `[]` when nothing changed. */
export function diffSnapshots(before: Snapshot, after: Snapshot, t: Translate = english.t): Change[] {
  const pairs = pairNamespaces(before, after);
  const matching = matchLinks(pairs);
  const found: Found[] = [
    ...pairs.flatMap((p) => namespaceChange(p, t)),
    ...diffLinks(pairs, matching, t),
    ...diffAddresses(matching, t),
    ...pairs.flatMap((p) => [...diffRoutes(p, matching), ...diffFdb(p, after, t), ...diffIptables(p, t), ...diffSysctls(p, t), ...diffSockets(p, t)]),
  ];
  const news = withLoopbackAddresses(found, t).filter((f) => !f.noise);
  const told = news.length > 0 ? news : found;
  const order = (f: Found): number => pairs.findIndex((p) => p.name === f.ns) * 100 + KIND_ORDER.indexOf(f.kind);
  return told
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f) - order(b.f) || a.i - b.i)
    .map(({ f }): Change => ({ ns: f.ns, kind: f.kind, op: f.op, text: f.text }));
}

/** The kernel gives lo 127.0.0.1/8 and ::1/128 as it comes up: say so on the `lo is up` line rather than nowhere. */
function withLoopbackAddresses(found: readonly Found[], t: Translate): Found[] {
  const brought = found.filter((f) => f.kind === 'addr' && f.op === '+' && f.noise && /^(127\.|::1\/)/.test(f.cidr ?? ''));
  return found.map((f) => {
    if (f.kind !== 'link' || f.op !== '~' || f.upLink === undefined) return f;
    const with_ = brought.filter((a) => f.ns === a.ns && a.on === f.upLink).map((a) => a.cidr ?? '');
    return with_.length === 0 ? f : { ...f, text: t('diff.link.up-gives', { link: f.upLink, addresses: with_.join(t('diff.and')) }) };
  });
}

/** `+ namespace red` / `- namespace red`. */
function namespaceChange(pair: NamespacePair, t: Translate): Found[] {
  if (pair.before && pair.after) return [];
  const text = pair.kind === 'host' || pair.name === undefined ? t('diff.heading.host') : pair.kind === 'world' ? t('diff.heading.world') : t('diff.heading.netns', { ns: pair.name });
  return [{ ns: pair.name, kind: 'netns', op: pair.after ? '+' : '-', text }];
}
