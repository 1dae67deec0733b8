// The one shell script that reads every namespace's network state in a single run, in marked sections.

import { SNAPSHOT_SYSCTLS } from './types.ts';

/** Starts every marker line; random-looking so no command output can begin with it. */
export const SECTION_MARKER = '#~steplab-snap-7e3f19c4~#';

/** Where the simulated internet's network namespace is bound (absent when a lesson has `world: none`). */
export const WORLD_NETNS_PATH = '/run/steplab/world';

/** Sections a namespace's reads print, in order: `ns` opens a namespace, `end` closes it. */
export type SectionName = 'ns' | 'ip' | 'iptables' | 'fdb' | 'sysctl' | 'listen' | 'end';

/**
 * The reads for the namespace the shell is in; `$1` is its kind (host, netns, world) and `$2` its name.
 * One `ip -b` process prints links (with `-d` details and addresses), routes of every table and the
 * netns ids as seen from here, one JSON array a line. One `sysctl -e` reads every key (`-e`: a
 * missing key is left out). `bridge fdb` runs only when the namespace has a bridge.
 */
function namespaceReads(): string {
  const mark = (section: SectionName): string => `echo "${SECTION_MARKER} ${section} $1 $2"`;
  return [
    mark('ns'),
    mark('ip'),
    `_sl_ip=$(printf 'addr show\\nroute show table all\\nnetns list\\n' | ip -j -d -force -b - 2>/dev/null)`,
    `printf '%s\\n' "$_sl_ip"`,
    mark('iptables'),
    'iptables-save -c 2>/dev/null',
    mark('fdb'),
    `case "$_sl_ip" in *'"info_kind":"bridge"'*) bridge -j fdb show 2>/dev/null; echo ;; esac`,
    mark('sysctl'),
    `sysctl -e ${SNAPSHOT_SYSCTLS.join(' ')} 2>/dev/null`,
    mark('listen'),
    'ss -Hltnup 2>/dev/null',
    mark('end'),
    ':',
  ].join('\n');
}

/**
 * A POSIX-sh script that prints the state of the lab host, every `ip netns list` namespace and the
 * world (when its file exists). It runs in a subshell so it never touches the calling shell's state,
 * and one process per namespace (`ip netns exec NS sh -c …`, which also remounts /sys for it).
 */
export function snapshotScript(): string {
  const reads = namespaceReads().replaceAll("'", `'\\''`);
  return [
    '(',
    // The calling shell may run with -e or -u: one failed read must not end the others.
    'set +e +u',
    `_sl_r='${reads}'`,
    '( set -- host ""; eval "$_sl_r" )',
    'ip netns list 2>/dev/null | while IFS= read -r _sl_n; do',
    '  _sl_n=${_sl_n%% (id: *}',
    `  ip netns exec "$_sl_n" sh -c "$_sl_r" sh netns "$_sl_n" </dev/null 2>/dev/null || echo "${SECTION_MARKER} ns netns $_sl_n"`,
    'done',
    `if [ -e ${WORLD_NETNS_PATH} ]; then nsenter --net=${WORLD_NETNS_PATH} sh -c "$_sl_r" sh world world </dev/null 2>/dev/null; fi`,
    `echo "${SECTION_MARKER} done"`,
    ')',
  ].join('\n');
}
