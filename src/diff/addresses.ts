// Address changes: `+ 172.17.0.2/16 on eth0 in c1`; addresses of deleted links go with them unmentioned.

import { english, type Translate } from '../i18n/index.ts';
import type { AddressState } from '../kernel/types.ts';
import type { LinkMatching, PlacedLink } from './match.ts';
import { linkLabel } from './namespaces.ts';
import type { Found } from './found.ts';
import { isNoiseAddress } from './noise.ts';

/** Added and removed addresses of links that exist after the step. */
export function diffAddresses(matching: LinkMatching, t: Translate = english.t): Found[] {
  const none: readonly AddressState[] = [];
  return [
    ...matching.matched.flatMap((m) => compare(m.before.link.addresses, m.after, t)),
    ...matching.added.flatMap((p) => compare(none, p, t)),
  ];
}

/** The address differences of one link, in the order the kernel lists them. */
function compare(was: readonly AddressState[], now: PlacedLink, t: Translate): Found[] {
  const label = linkLabel(now.link.name, now.ns, t);
  const found = (op: '+' | '-', a: AddressState): Found => ({ ns: now.ns, kind: 'addr', op, text: t('diff.addr', { cidr: a.cidr, link: label }), noise: isNoiseAddress(a), on: label, cidr: a.cidr });
  return [
    ...was.filter((a) => !now.link.addresses.some((b) => b.cidr === a.cidr)).map((a) => found('-', a)),
    ...now.link.addresses.filter((a) => !was.some((b) => b.cidr === a.cidr)).map((a) => found('+', a)),
  ];
}
