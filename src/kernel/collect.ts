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
 * A bash script (it runs in the probe shell) that prints the state of the lab host, every `ip netns`
 * namespace and the world (when its file exists): host first, named namespaces by name, the world last.
 * It runs as a function, so it never touches the calling shell's state. Every reader is one process
 * of its own, into a file of its own: `ip -b` (links, routes, nsids) and, when asked for,
 * `iptables-save`, `sysctl -e` and `ss`, each entered into its namespace by `ip -n` or `nsenter` (no
 * shell in between); `bridge fdb` afterwards, only where `ip` saw a bridge. They run one after another:
 * on a small VM, processes started side by side cost more than in a row (measured: a snapshot of six
 * namespaces, 261 ms side by side, 188 ms in a row; one namespace, 57 and 47 ms). The lab host's
 * sysctls are read with bash's own `read` (no process). With no part asked for, it only lists the
 * namespaces and starts nothing. The files are printed in order with builtins.
 * `only` (`host:`, `netns:NAME`, `world:world`) limits the reads to those namespaces; the others are
 * listed by name, with no sections.
 */
export function snapshotScript(parts: readonly SnapshotPart[] = ALL_PARTS, only?: readonly string[]): string {
  const wanted = new Set(parts);
  const ip = wanted.has('ip') || wanted.has('fdb');
  const mark = (section: SectionName): string => `  echo "${SECTION_MARKER} ${section} $_sl_k $_sl_n"`;
  const file = (ext: string): string => `"$_sl_f.$_sl_i.${ext}"`;
  const run = (command: string, ext: string): string => `${command} > ${file(ext)} 2>/dev/null </dev/null`;
  // Readers of namespace $_sl_i; `"${_sl_e[@]}"` enters it (nothing for the lab host), `_sl_ip` is ip there.
  const readers = [
    ...(ip ? [`  ${run('"${_sl_ip[@]}" -j -d -force -b "$_sl_b"', 'ip')}`] : []),
    ...(wanted.has('iptables') ? [`  ${run('"${_sl_e[@]}" iptables-save -c', 'ipt')}`] : []),
    ...(wanted.has('sysctl') ? [`  [ "$_sl_k" = host ] || ${run(`"\${_sl_e[@]}" sysctl -e ${SNAPSHOT_SYSCTLS.join(' ')}`, 'sys')}`] : []),
    ...(wanted.has('listen') ? [`  ${run('"${_sl_e[@]}" ss -Hltnup', 'ss')}`] : []),
  ];
  const print = [
    mark('ns'),
    ...(ip ? [mark('ip'), `  _sl_out ${file('ip')}`] : []),
    ...(wanted.has('iptables') ? [mark('iptables'), `  _sl_out ${file('ipt')}`] : []),
    ...(wanted.has('fdb') ? [mark('fdb'), `  [ -z "\${_sl_br[$_sl_i]-}" ] || _sl_out ${file('fdb')}`] : []),
    ...(wanted.has('sysctl') ? [mark('sysctl'), `  if [ "$_sl_k" = host ]; then _sl_host_sysctls; else _sl_out ${file('sys')}; fi`] : []),
    ...(wanted.has('listen') ? [mark('listen'), `  _sl_out ${file('ss')}`] : []),
    mark('end'),
  ];
  return [
    // A function, not a subshell (a fork costs as much as a reader): `local -` gives back the calling
    // shell's options on return, and its variables are local; the helper functions it defines stay.
    '_sl_snapshot() {',
    'local - _sl_o _sl_v _sl_d _sl_f _sl_b _sl_sel _sl_p _sl_i _sl_k _sl_n',
    'local -a _sl_all _sl_e _sl_ip _sl_bridge _sl_br',
    // The calling shell may run with -e or -u: one failed read must not end the others.
    'set +e +u',
    // Print file $1 as it is, with a newline at its end when it has none; builtins only.
    `_sl_out() { _sl_o=''; IFS= read -r -d '' _sl_o < "$1"; [ -z "$_sl_o" ] || { printf '%s' "$_sl_o"; case "$_sl_o" in *$'\\n') ;; *) echo ;; esac; }; }`,
    // The lab host's sysctls with bash's read, not a process: /proc/sys answers the first read whole.
    ...(wanted.has('sysctl')
      ? [
        '_sl_host_sysctls() {',
        ...SNAPSHOT_SYSCTLS.map((key) => `  _sl_v=''; IFS= read -r _sl_v < /proc/sys/${key.replaceAll('.', '/')} 2>/dev/null; [ -z "$_sl_v" ] || echo "${key} = $_sl_v"`),
        '}',
      ]
      : []),
    '_sl_d=/run/steplab; [ -d "$_sl_d" ] && [ -w "$_sl_d" ] || _sl_d=${TMPDIR:-/tmp}',
    // $BASHPID: snapshots side by side (each in a probe batch's subshell) must not share files.
    '_sl_f="$_sl_d/.snap-$BASHPID"',
    '_sl_b="$_sl_f.batch"',
    ...(ip ? [`printf '${IP_BATCH}' > "$_sl_b"`] : []),
    // Whether namespace $_sl_i is read, or only listed.
    only === undefined
      ? '_sl_read() { :; }'
      : `_sl_sel=${shellQuote(` ${only.join(' ')} `)}; _sl_read() { case "$_sl_sel" in *" $_sl_k:$_sl_n "*) ;; *) return 1 ;; esac; }`,
    // Every namespace as KIND NAME, in the order they are printed.
    '_sl_all=("host ")',
    'for _sl_p in /run/netns/*; do [ -e "$_sl_p" ] && _sl_all+=("netns ${_sl_p##*/}"); done',
    `[ -e ${WORLD_NETNS_PATH} ] && _sl_all+=("world world")`,
    // Namespace $_sl_i: its kind, its name, how to enter it, its ip and bridge commands.
    '_sl_ns() {',
    '  _sl_k=${_sl_all[$_sl_i]%% *}; _sl_n=${_sl_all[$_sl_i]#* }',
    '  case $_sl_k in',
    '    host) _sl_e=(); _sl_ip=(ip); _sl_bridge=(bridge) ;;',
    '    netns) _sl_e=(nsenter "--net=/run/netns/$_sl_n"); _sl_ip=(ip -n "$_sl_n"); _sl_bridge=(bridge -n "$_sl_n") ;;',
    `    *) _sl_e=(nsenter --net=${WORLD_NETNS_PATH}); _sl_ip=("\${_sl_e[@]}" ip); _sl_bridge=("\${_sl_e[@]}" bridge) ;;`,
    '  esac',
    '}',
    ...(readers.length > 0 ? ['for _sl_i in "${!_sl_all[@]}"; do', '  _sl_ns; _sl_read || continue', ...readers, 'done'] : []),
    ...(wanted.has('fdb')
      ? [
        // Forwarding entries only where a bridge is: a second round, for those namespaces alone.
        '_sl_br=()',
        'for _sl_i in "${!_sl_all[@]}"; do',
        '  _sl_ns; _sl_read || continue',
        `  _sl_o=''; IFS= read -r -d '' _sl_o < ${file('ip')}`,
        `  case "$_sl_o" in *'"info_kind":"bridge"'*) ;; *) continue ;; esac`,
        '  _sl_br[$_sl_i]=1',
        `  ${run('"${_sl_bridge[@]}" -j fdb show', 'fdb')}`,
        'done',
      ]
      : []),
    'for _sl_i in "${!_sl_all[@]}"; do',
    '  _sl_ns',
    `  _sl_read || { ${mark('ns').trim()}; ${mark('end').trim()}; continue; }`,
    ...print,
    'done',
    `echo "${SECTION_MARKER} done"`,
    '}',
    '_sl_snapshot',
  ].join('\n');
}
