// Turn the snapshot script's output into a typed Snapshot; pure, no IO.

import { SECTION_MARKER, type SectionName } from './collect.ts';
import { parseIptablesSave } from './iptables.ts';
import { findPeer, type PeerLink, type PeerNamespace } from './peers.ts';
import type {
  AddressState, FdbEntry, LinkState, ListeningSocket, NamespaceKind, NamespaceState, RouteState, Snapshot,
} from './types.ts';

type Json = Readonly<Record<string, unknown>>;

/** One namespace's raw sections, as the script printed them. */
interface RawNamespace {
  readonly kind: NamespaceKind;
  readonly name: string | undefined;
  readonly sections: Map<SectionName, string[]>;
}

interface LinkDraft extends PeerLink {
  readonly state: Omit<LinkState, 'peer' | 'parent'>;
}

const KINDS: readonly NamespaceKind[] = ['host', 'netns', 'world'];

/** Split the output at marker lines into namespaces, merging sections a namespace printed twice. */
function splitSections(text: string): RawNamespace[] {
  const found = new Map<string, RawNamespace>();
  let lines: string[] | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${SECTION_MARKER} `)) {
      lines?.push(line);
      continue;
    }
    const [section = '', kind = '', ...rest] = line.slice(SECTION_MARKER.length + 1).split(' ');
    lines = undefined;
    if (!KINDS.includes(kind as NamespaceKind)) continue;
    const name = kind === 'host' ? undefined : rest.join(' ');
    const key = `${kind}:${name ?? ''}`;
    const ns = found.get(key) ?? { kind: kind as NamespaceKind, name, sections: new Map<SectionName, string[]>() };
    found.set(key, ns);
    const sectionName = section as SectionName;
    lines = ns.sections.get(sectionName) ?? [];
    ns.sections.set(sectionName, lines);
  }
  return [...found.values()];
}

/** A string field of a JSON object, or undefined. */
function str(o: Json, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** A number field of a JSON object, or undefined. */
function num(o: Json, key: string): number | undefined {
  const v = o[key];
  return typeof v === 'number' ? v : undefined;
}

/** The JSON arrays of a section, one a line; lines that are not JSON (stray errors) are skipped. */
function jsonArrays(lines: readonly string[]): Json[][] {
  const arrays: Json[][] = [];
  for (const line of lines) {
    if (!line.startsWith('[')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (Array.isArray(value)) arrays.push(value.filter((e): e is Json => typeof e === 'object' && e !== null));
    } catch {
      // A partial line (output cut short) tells us nothing; the other lines still do.
    }
  }
  return arrays;
}

/** The addresses of one `ip -j addr` entry. */
function addresses(o: Json): AddressState[] {
  const info = Array.isArray(o['addr_info']) ? (o['addr_info'] as Json[]) : [];
  return info.flatMap((a) => {
    const local = str(a, 'local');
    const family = str(a, 'family');
    if (local === undefined || (family !== 'inet' && family !== 'inet6')) return [];
    return [{ cidr: `${local}/${num(a, 'prefixlen') ?? (family === 'inet' ? 32 : 128)}`, family, scope: str(a, 'scope') ?? '' }];
  });
}

/** One link of `ip -j -d addr show`, its peer and parent still unresolved. */
function linkDraft(o: Json): LinkDraft {
  const linkinfo = (o['linkinfo'] ?? {}) as Json;
  const flags = Array.isArray(o['flags']) ? (o['flags'] as unknown[]) : [];
  const type = str(linkinfo, 'info_kind') ?? (str(o, 'link_type') === 'loopback' ? 'loopback' : 'device');
  const name = str(o, 'ifname') ?? '';
  const ifindex = num(o, 'ifindex') ?? 0;
  const linkIndex = num(o, 'link_index');
  const linkNetnsid = num(o, 'link_netnsid');
  const state = {
    name, ifindex, type, linkIndex, linkNetnsid,
    up: flags.includes('UP'),
    operstate: str(o, 'operstate') ?? 'UNKNOWN',
    mac: str(o, 'address') ?? '',
    mtu: num(o, 'mtu') ?? 0,
    master: str(o, 'master'),
    addresses: addresses(o),
  };
  return { name, ifindex, type, linkName: str(o, 'link'), linkIndex, linkNetnsid, state };
}

/** An IPv4 route of `ip -j route show table all`; IPv6 ones (which carry `pref` or a colon) are left out. */
function route(o: Json): RouteState | undefined {
  const dst = str(o, 'dst') ?? 'default';
  const gateway = str(o, 'gateway');
  if ('pref' in o || dst.includes(':') || gateway?.includes(':')) return undefined;
  return {
    dst: dst === 'default' || dst.includes('/') ? dst : `${dst}/32`,
    gateway,
    dev: str(o, 'dev'),
    protocol: str(o, 'protocol'),
    scope: str(o, 'scope'),
    prefsrc: str(o, 'prefsrc'),
    table: str(o, 'table') ?? 'main',
  };
}

/** The `ip -b` section: links (first element has ifname), routes (dst) and the nsid map (name, no ifname). */
function parseIp(lines: readonly string[]): { links: LinkDraft[]; routes: RouteState[]; nsids: Map<number, string> } {
  const result = { links: [] as LinkDraft[], routes: [] as RouteState[], nsids: new Map<number, string>() };
  for (const array of jsonArrays(lines)) {
    const first = array[0];
    if (first === undefined) continue;
    if ('ifname' in first) result.links.push(...array.map(linkDraft));
    else if ('dst' in first || 'type' in first) result.routes.push(...array.flatMap((o) => route(o) ?? []));
    else if ('name' in first) {
      for (const o of array) {
        const id = num(o, 'id');
        const name = str(o, 'name');
        if (id !== undefined && name !== undefined) result.nsids.set(id, name);
      }
    }
  }
  return result;
}

/** Forwarding entries of `bridge -j fdb show`, without the bridge's permanent multicast entries. */
function parseFdb(lines: readonly string[]): FdbEntry[] {
  return jsonArrays(lines).flat().flatMap((o) => {
    const mac = str(o, 'mac') ?? '';
    const state = str(o, 'state') ?? '';
    if (state === 'permanent' && (mac.startsWith('33:33:') || mac.startsWith('01:00:5e:'))) return [];
    return [{ mac, dev: str(o, 'ifname') ?? '', master: str(o, 'master'), state }];
  });
}

/** `key = value` lines of `sysctl -e`, values kept as the kernel prints them. */
function parseSysctls(lines: readonly string[]): Record<string, string> {
  const sysctls: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(' = ');
    if (at > 0) sysctls[line.slice(0, at)] = line.slice(at + 3);
  }
  return sysctls;
}

/** Lines of `ss -Hltnup`: proto, state, queues, local, peer, then `users:(("name",…))`. */
function parseListening(lines: readonly string[]): ListeningSocket[] {
  return lines.flatMap((line) => {
    const [proto, , , , local, , ...rest] = line.trim().split(/\s+/);
    if ((proto !== 'tcp' && proto !== 'udp') || local === undefined) return [];
    const process = /users:\(\("([^"]*)"/.exec(rest.join(' '))?.[1];
    return [{ proto, local, process }];
  });
}

/** Order namespaces as the contract says: the host first, named ones as listed, the world last. */
function rank(ns: RawNamespace): number {
  return ns.kind === 'host' ? 0 : ns.kind === 'netns' ? 1 : 2;
}

/** Parse the snapshot script's whole output; namespaces without sections come out empty. */
export function parseSnapshot(text: string): Snapshot {
  const raws = splitSections(text).sort((a, b) => rank(a) - rank(b));
  const parsed = raws.map((raw) => ({ raw, ip: parseIp(raw.sections.get('ip') ?? []) }));
  const peerView: PeerNamespace[] = parsed.map(({ raw, ip }) => ({ name: raw.name, kind: raw.kind, links: ip.links, nsids: ip.nsids }));
  const namespaces = parsed.map(({ raw, ip }, i): NamespaceState => {
    const view = peerView[i] as PeerNamespace;
    const links = ip.links.map((draft): LinkState => ({
      ...draft.state,
      peer: findPeer(draft, view, peerView),
      parent: draft.type !== 'veth' && draft.linkNetnsid === undefined ? draft.linkName : undefined,
    }));
    return {
      name: raw.name,
      kind: raw.kind,
      links,
      routes: ip.routes,
      iptables: parseIptablesSave((raw.sections.get('iptables') ?? []).join('\n')),
      sysctls: parseSysctls(raw.sections.get('sysctl') ?? []),
      fdb: parseFdb(raw.sections.get('fdb') ?? []),
      listening: parseListening(raw.sections.get('listen') ?? []),
    };
  });
  return { namespaces };
}
