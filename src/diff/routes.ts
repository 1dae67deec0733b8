// Route changes: `+ default via 172.17.0.1 dev eth0`, `~ default via A → via B`; implied routes left out.

import type { RouteState } from '../kernel/types.ts';
import type { Found } from './found.ts';
import { renamedDevices, type LinkMatching } from './match.ts';
import type { NamespacePair } from './namespaces.ts';
import { isNoiseRoute } from './noise.ts';

/** A route as `ip route` would print it, short: `default via 172.17.0.1 dev eth0 table 100`. */
export function routeText(r: RouteState): string {
  const parts = [r.dst];
  if (r.gateway) parts.push(`via ${r.gateway}`);
  if (r.dev) parts.push(`dev ${r.dev}`);
  if (r.prefsrc && !r.gateway) parts.push(`src ${r.prefsrc}`);
  if (r.table !== 'main') parts.push(`table ${r.table}`);
  return parts.join(' ');
}

/** The route changes of one namespace that existed on both sides. */
export function diffRoutes(pair: NamespacePair, matching: LinkMatching): Found[] {
  if (!pair.before || !pair.after) return pair.after ? pair.after.routes.map((r) => found(pair, '+', routeText(r), r)) : [];
  const renames = renamedDevices(matching, pair.name);
  const gone = new Set(matching.removed.filter((p) => p.ns === pair.name).map((p) => p.link.name));
  const was = pair.before.routes
    .filter((r) => !(r.dev !== undefined && gone.has(r.dev)))
    .map((r) => (r.dev !== undefined && renames.has(r.dev) ? { ...r, dev: renames.get(r.dev) } : r));
  const now = pair.after.routes;
  const removed = was.filter((r) => !now.some((n) => routeText(n) === routeText(r)));
  const added = now.filter((r) => !was.some((n) => routeText(n) === routeText(r)));
  const out: Found[] = [];
  for (const r of removed) {
    const next = added.find((a) => a.dst === r.dst && a.table === r.table);
    if (next) {
      added.splice(added.indexOf(next), 1);
      out.push(found(pair, '~', `${routeText(r)} → ${routeText(next).slice(r.dst.length + 1)}`, next));
    } else out.push(found(pair, '-', routeText(r), r));
  }
  return [...out, ...added.map((r) => found(pair, '+', routeText(r), r))];
}

/** One route change, marked as noise when the kernel made the route by itself. */
function found(pair: NamespacePair, op: Found['op'], text: string, r: RouteState): Found {
  return { ns: pair.name, kind: 'route', op, text, noise: isNoiseRoute(r) };
}
