// What the kernel adds by itself and a learner did not ask for: IPv6 link-local, multicast, loopback and local-table routes.

import type { AddressState, RouteState } from '../kernel/types.ts';

/** An address implied by something else: IPv6 link-local, or the loopback's own 127.0.0.1/8 and ::1/128. */
export function isNoiseAddress(addr: AddressState): boolean {
  if (addr.family === 'inet6' && (addr.scope === 'link' || addr.cidr.toLowerCase().startsWith('fe80:'))) return true;
  return addr.cidr === '127.0.0.1/8' || addr.cidr === '::1/128';
}

/** A route the kernel derives by itself: table local's kernel routes, IPv6 link-local and multicast routes. */
export function isNoiseRoute(route: RouteState): boolean {
  if (route.table === 'local' && (route.protocol === 'kernel' || route.protocol === undefined)) return true;
  const dst = route.dst.toLowerCase();
  return dst.startsWith('fe80:') || dst.startsWith('ff00::') || (dst.startsWith('ff') && dst.includes(':')) || dst === 'multicast';
}
