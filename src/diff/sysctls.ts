// Sysctl changes of a namespace that existed before the step: `ip_forward 0 → 1`.

import { english, type Translate } from '../i18n/index.ts';
import type { Change } from './types.ts';
import type { NamespacePair } from './namespaces.ts';

/** A key as learners know it: `ip_forward`, `conf.all.route_localnet`, `bridge-nf-call-iptables`. */
function shortKey(key: string): string {
  return key.replace(/^net\.(ipv4|ipv6|bridge)\./, '').replace(/^net\./, '');
}

/** Changed, appeared or vanished sysctls; a new namespace's defaults are not news. */
export function diffSysctls(pair: NamespacePair, t: Translate = english.t): Change[] {
  if (!pair.before || !pair.after) return [];
  const was = pair.before.sysctls;
  const now = pair.after.sysctls;
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return keys.flatMap((key): Change[] => {
    const a = was[key];
    const b = now[key];
    if (a === b) return [];
    const text = a === undefined ? `${shortKey(key)} = ${b}` : b === undefined ? t('diff.sysctl-gone', { key: shortKey(key), value: a }) : `${shortKey(key)} ${a} → ${b}`;
    return [{ ns: pair.name, kind: 'sysctl', op: a === undefined ? '+' : b === undefined ? '-' : '~', text }];
  });
}
