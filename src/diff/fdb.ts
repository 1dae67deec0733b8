// What bridges learned or forgot: `bridge docker0 learned 02:42:ac:11:00:02 on veth-a (eth0 in c1)`.

import { english, type Translate } from '../i18n/index.ts';
import type { FdbEntry, Snapshot } from '../kernel/types.ts';
import type { Found } from './found.ts';
import { linkLabel, type NamespacePair } from './namespaces.ts';

/** Learned entries only: the bridge's own (permanent) and per-port multicast entries are not news. */
function learned(fdb: readonly FdbEntry[] | undefined): FdbEntry[] {
  return (fdb ?? []).filter((e) => e.master !== undefined && e.state !== 'permanent' && e.state !== 'static');
}

/** The link that owns a MAC anywhere in the snapshot, e.g. ` (eth0 in c1)`, to say whose frames were seen. */
function owner(mac: string, after: Snapshot, t: Translate): string | undefined {
  for (const ns of after.namespaces) {
    const link = ns.links.find((l) => l.mac === mac && l.type !== 'bridge');
    if (link) return linkLabel(link.name, ns.name, t);
  }
  return undefined;
}

/** Forwarding-database changes of one namespace's bridges; entries of deleted ports go with them. */
export function diffFdb(pair: NamespacePair, after: Snapshot, t: Translate = english.t): Found[] {
  if (!pair.after) return [];
  const was = learned(pair.before?.fdb);
  const now = learned(pair.after.fdb);
  const key = (e: FdbEntry): string => `${e.master} ${e.mac}`;
  const out: Found[] = [];
  for (const e of now) {
    const old = was.find((w) => key(w) === key(e));
    const bridge = e.master ?? '';
    if (!old) {
      const who = owner(e.mac, after, t);
      const text = who === undefined ? t('diff.fdb.learned', { bridge, mac: e.mac, dev: e.dev }) : t('diff.fdb.learned-from', { bridge, mac: e.mac, dev: e.dev, owner: who });
      out.push({ ns: pair.name, kind: 'fdb', op: '+', text });
    } else if (old.dev !== e.dev) out.push({ ns: pair.name, kind: 'fdb', op: '~', text: t('diff.fdb.moved', { bridge, mac: e.mac, dev: e.dev, was: old.dev }) });
  }
  const ports = new Set(pair.after.links.map((l) => l.name));
  for (const e of was.filter((w) => ports.has(w.dev) && !now.some((n) => key(n) === key(w)))) {
    out.push({ ns: pair.name, kind: 'fdb', op: '-', text: t('diff.fdb.forgot', { bridge: e.master ?? '', mac: e.mac, dev: e.dev }) });
  }
  return out;
}
