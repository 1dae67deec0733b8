// The one shell script that reads every namespace's network state, namespaces side by side, in marked sections.

import { SNAPSHOT_SYSCTLS } from './types.ts';

/** Starts every marker line; random-looking so no command output can begin with it. */
export const SECTION_MARKER = '#~steplab-snap-7e3f19c4~#';

/** Where the simulated internet's network namespace is bound (absent when a lesson has `world: none`). */
export const WORLD_NETNS_PATH = '/run/steplab/world';

/** Sections a namespace's reads print, in order: `ns` opens a namespace, `end` closes it. */
export type SectionName = 'ns' | 'ip' | 'iptables' | 'fdb' | 'sysctl' | 'listen' | 'end';

/** What a snapshot can read; a caller asks only for what some check, diff or report will look at. */
export type SnapshotPart = 'ip' | 'iptables' | 'fdb' | 'sysctl' | 'listen';
export const ALL_PARTS: readonly SnapshotPart[] = ['ip', 'iptables', 'fdb', 'sysctl', 'listen'];

/** The `ip -b` commands: links with details and addresses, routes of every table, the nsid map. */
const IP_BATCH = 'addr show\\nroute show table all\\nnetns list\\n';

/**
 * The reads for the namespace the shell is in; `$1` is its kind (host, netns, world) and `$2` its name.
 * One `ip -b` process prints links, routes and netns ids, one JSON array a line. Sysctls are read
 * from /proc/sys with bash's own `read` (no process). `iptables-save` and `ss` run only when
 * asked for; `bridge fdb` only when the namespace has a bridge.
 */
function namespaceReads(parts: ReadonlySet<SnapshotPart>): string {
  const mark = (section: SectionName): string => `echo "${SECTION_MARKER} ${section} $1 $2"`;
  const lines = [mark('ns')];
  if (parts.has('ip') || parts.has('fdb')) {
    lines.push(mark('ip'));
    if (parts.has('fdb')) {
      lines.push(`_sl_ip=$(ip -j -d -force -b "$_sl_b" 2>/dev/null)`, `printf '%s\\n' "$_sl_ip"`);
    } else lines.push(`ip -j -d -force -b "$_sl_b" 2>/dev/null`);
  }
  if (parts.has('iptables')) lines.push(mark('iptables'), 'iptables-save -c 2>/dev/null');
  if (parts.has('fdb')) lines.push(mark('fdb'), `case "$_sl_ip" in *'"info_kind":"bridge"'*) bridge -j fdb show 2>/dev/null; echo ;; esac`);
  if (parts.has('sysctl')) {
    lines.push(mark('sysctl'));
    for (const key of SNAPSHOT_SYSCTLS) {
      // bash's read, not dash's: dash reads a byte at a time, and /proc/sys answers only the first read.
      lines.push(`_sl_v=; IFS= read -r _sl_v < /proc/sys/${key.replaceAll('.', '/')} 2>/dev/null; [ -z "$_sl_v" ] || echo "${key} = $_sl_v"`);
    }
  }
  if (parts.has('listen')) lines.push(mark('listen'), 'ss -Hltnup 2>/dev/null');
  lines.push(mark('end'), ':');
  return lines.join('\n');
}

/**
 * A POSIX-sh script that prints the state of the lab host, every `ip netns` namespace and the world
 * (when its file exists). It runs in a subshell so it never touches the calling shell's state. Each
 * namespace is read in a background job into a file of its own, all at once, and the files are
 * printed in order at the end: host first, named namespaces by name, the world last. A namespace
 * whose only read is `ip` gets one process (`ip -n NS`); otherwise one `sh` entered into it.
 */
export function snapshotScript(parts: readonly SnapshotPart[] = ALL_PARTS): string {
  const wanted = new Set(parts);
  const reads = namespaceReads(wanted).replaceAll("'", `'\\''`);
  const ipOnly = wanted.size === 1 && wanted.has('ip');
  const mark = (section: SectionName, kind: string, name: string): string => `${SECTION_MARKER} ${section} ${kind} ${name}`;
  const inNetns = ipOnly
    ? `{ echo "${mark('ns', 'netns', '$_sl_n')}"; echo "${mark('ip', 'netns', '$_sl_n')}"; ip -n "$_sl_n" -j -d -force -b "$_sl_b" 2>/dev/null; echo "${mark('end', 'netns', '$_sl_n')}"; }`
    : `{ ip netns exec "$_sl_n" bash -c "$_sl_r" sh netns "$_sl_n" 2>/dev/null || echo "${mark('ns', 'netns', '$_sl_n')}"; }`;
  return [
    '(',
    // The calling shell may run with -e or -u: one failed read must not end the others.
    'set +e +u',
    '_sl_d=/run/steplab; [ -d "$_sl_d" ] && [ -w "$_sl_d" ] || _sl_d=${TMPDIR:-/tmp}',
    '_sl_f="$_sl_d/.snap-$$"',
    '_sl_b="$_sl_f.batch"; export _sl_b',
    `printf '${IP_BATCH}' > "$_sl_b"`,
    `_sl_r='${reads}'`,
    '( set -- host ""; eval "$_sl_r" ) > "$_sl_f.0" 2>/dev/null </dev/null &',
    '_sl_files="$_sl_f.0"; _sl_i=0',
    'for _sl_p in /run/netns/*; do',
    '  [ -e "$_sl_p" ] || continue',
    '  _sl_n=${_sl_p##*/}; _sl_i=$((_sl_i + 1))',
    `  ${inNetns} > "$_sl_f.$_sl_i" </dev/null &`,
    '  _sl_files="$_sl_files $_sl_f.$_sl_i"',
    'done',
    `if [ -e ${WORLD_NETNS_PATH} ]; then`,
    `  nsenter --net=${WORLD_NETNS_PATH} bash -c "$_sl_r" sh world world > "$_sl_f.w" 2>/dev/null </dev/null &`,
    '  _sl_files="$_sl_files $_sl_f.w"',
    'fi',
    'wait',
    'cat $_sl_files 2>/dev/null',
    `echo "${SECTION_MARKER} done"`,
    ')',
  ].join('\n');
}
