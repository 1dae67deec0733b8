// The one shell script that reads every namespace's network state, namespaces side by side, in marked sections.

import { shellQuote } from '../process/shell-quote.ts';
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
 * A POSIX sh script (it runs in the reader shell) that prints the state of the lab host, every `ip netns`
 * namespace and the world (when its file exists): host first, named namespaces by name, the world last.
 * Every reader is one process of its own, entered into its namespace by `ip -n` or `nsenter` (no shell in
 * between), and they run one after another, each printing its section as it ends: on a small VM,
 * processes started side by side cost more than in a row (measured: a snapshot of six namespaces, 261 ms
 * side by side, 188 ms in a row; one namespace, 57 and 47 ms). `ip -b` reads links, routes and nsids;
 * when asked for, `iptables-save`, `sysctl -e` and `ss` follow, and `bridge fdb` where `ip` saw a bridge.
 * Each output is taken whole (`$(…)`: one fork and exec, as without it) and printed with a newline at its
 * end, so no marker line is ever glued to a reader's last line. The lab host's sysctls are read with the
 * shell's own `read` (no process). With no part asked for, it only lists the namespaces and starts nothing.
 * `only` (`host:`, `netns:NAME`, `world:world`) limits the reads to those namespaces; the others are
 * listed by name, with no sections. Its variables are the reader shell's own; it leaves them set.
 */
export function snapshotScript(parts: readonly SnapshotPart[] = ALL_PARTS, only?: readonly string[]): string {
  const wanted = new Set(parts);
  const ip = wanted.has('ip') || wanted.has('fdb');
  const mark = (section: SectionName): string => `echo "${SECTION_MARKER} ${section} $_sl_k $_sl_n"`;
  // `_sl_o=$(COMMAND)` in namespace $_sl_k/$_sl_n; `ipLike` names a tool with its own `-n` (ip, bridge).
  const take = (command: string, ipLike = false): string[] => [
    'case $_sl_k in',
    `  host) _sl_o=$(${command} 2>/dev/null </dev/null) ;;`,
    ipLike
      ? `  netns) _sl_o=$(${command.replace(/^(\w+)/, '$1 -n "$_sl_n"')} 2>/dev/null </dev/null) ;;`
      : `  netns) _sl_o=$(nsenter "--net=/run/netns/$_sl_n" ${command} 2>/dev/null </dev/null) ;;`,
    `  *) _sl_o=$(nsenter --net=${WORLD_NETNS_PATH} ${command} 2>/dev/null </dev/null) ;;`,
    'esac',
    '[ -z "$_sl_o" ] || printf \'%s\\n\' "$_sl_o"',
  ];
  const indent = (lines: string[]): string[] => lines.map((l) => `  ${l}`);
  const sections = [
    ...(ip ? [mark('ip'), ...take('ip -j -d -force -b "$_sl_b"', true), '_sl_ipo=$_sl_o'] : []),
    ...(wanted.has('iptables') ? [mark('iptables'), ...take('iptables-save -c')] : []),
    // Forwarding entries only where a bridge is.
    ...(wanted.has('fdb') ? [mark('fdb'), `case $_sl_ipo in *'"info_kind":"bridge"'*)`, ...indent(take('bridge -j fdb show', true)), ';; esac'] : []),
    // The lab host's with the shell's own `read`: /proc/sys answers the first read whole.
    ...(wanted.has('sysctl')
      ? [
        mark('sysctl'),
        'if [ "$_sl_k" = host ]; then',
        ...SNAPSHOT_SYSCTLS.map((key) => `  _sl_v=''; read -r _sl_v < /proc/sys/${key.replaceAll('.', '/')} 2>/dev/null; [ -z "$_sl_v" ] || echo "${key} = $_sl_v"`),
        'else',
        ...indent(take(`sysctl -e ${SNAPSHOT_SYSCTLS.join(' ')}`)),
        'fi',
      ]
      : []),
    ...(wanted.has('listen') ? [mark('listen'), ...take('ss -Hltnup')] : []),
  ];
  return [
    // One failed read must not end the others.
    'set +e +u',
    '_sl_d=/run/steplab; { [ -d "$_sl_d" ] && [ -w "$_sl_d" ]; } || _sl_d=${TMPDIR:-/tmp}',
    // $$: the reader shell's own file (sandboxes may share a /tmp).
    '_sl_b="$_sl_d/.snap-$$.batch"',
    ...(ip ? [`printf '${IP_BATCH}' > "$_sl_b"`] : []),
    // Whether namespace $_sl_k/$_sl_n is read, or only listed.
    only === undefined
      ? '_sl_read() { :; }'
      : `_sl_sel=${shellQuote(` ${only.join(' ')} `)}; _sl_read() { case "$_sl_sel" in *" $_sl_k:$_sl_n "*) ;; *) return 1 ;; esac; }`,
    // Namespace $1 (kind) $2 (name): its marker lines, and its sections when it is read.
    '_sl_ns() {',
    '  _sl_k=$1 _sl_n=$2',
    `  ${mark('ns')}`,
    ...(sections.length > 0 ? ['  if _sl_read; then', ...indent(indent(sections)), '  fi'] : []),
    `  ${mark('end')}`,
    '}',
    "_sl_ns host ''",
    'for _sl_p in /run/netns/*; do [ -e "$_sl_p" ] && _sl_ns netns "${_sl_p##*/}"; done',
    `[ -e ${WORLD_NETNS_PATH} ] && _sl_ns world world`,
    `echo "${SECTION_MARKER} done"`,
  ].join('\n');
}
