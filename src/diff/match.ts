// Which link after a step is which link before it: same namespace by ifindex, across namespaces by MAC or peer.

import type { LinkState } from '../kernel/types.ts';
import type { NamespacePair } from './namespaces.ts';

/** A link together with the namespace that holds it. */
export interface PlacedLink {
  readonly ns: string | undefined;
  readonly link: LinkState;
}

export interface LinkMatch {
  readonly before: PlacedLink;
  readonly after: PlacedLink;
}

export interface LinkMatching {
  /** Links present on both sides (possibly renamed, possibly moved to another namespace). */
  readonly matched: readonly LinkMatch[];
  readonly added: readonly PlacedLink[];
  readonly removed: readonly PlacedLink[];
}

/** Match every link of the two sides; what is left over was added or removed. */
export function matchLinks(pairs: readonly NamespacePair[]): LinkMatching {
  const matched: LinkMatch[] = [];
  const added: PlacedLink[] = [];
  const removed: PlacedLink[] = [];
  for (const pair of pairs) {
    const beforeLinks = pair.before?.links ?? [];
    const afterLinks = pair.after?.links ?? [];
    for (const link of afterLinks) {
      const old = beforeLinks.find((b) => b.ifindex === link.ifindex && b.type === link.type);
      if (old) matched.push({ before: { ns: pair.name, link: old }, after: { ns: pair.name, link } });
      else added.push({ ns: pair.name, link });
    }
    for (const link of beforeLinks) {
      if (!afterLinks.some((a) => a.ifindex === link.ifindex && a.type === link.type)) removed.push({ ns: pair.name, link });
    }
  }
  return matchMoves({ matched, added, removed });
}

/** Pair a removed link with an added one in another namespace: same type and MAC, else the same peer. */
function matchMoves(m: LinkMatching): LinkMatching {
  const matched = [...m.matched];
  let added = [...m.added];
  let removed = [...m.removed];
  const samePeer = (a: LinkState, b: LinkState): boolean =>
    a.peer !== undefined && b.peer !== undefined && a.peer.name === b.peer.name && a.peer.ns === b.peer.ns;
  for (const rule of [(a: LinkState, b: LinkState) => a.mac === b.mac && a.mac !== '', samePeer]) {
    for (const gone of [...removed]) {
      const come = added.find((a) => a.ns !== gone.ns && a.link.type === gone.link.type && rule(a.link, gone.link));
      if (!come) continue;
      matched.push({ before: gone, after: come });
      added = added.filter((a) => a !== come);
      removed = removed.filter((r) => r !== gone);
    }
  }
  return { matched, added, removed };
}

/** The name a link had before the step became this name after it (renames), per namespace. */
export function renamedDevices(matching: LinkMatching, ns: string | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const { before, after } of matching.matched) {
    if (before.ns === ns && after.ns === ns && before.link.name !== after.link.name) names.set(before.link.name, after.link.name);
  }
  return names;
}
