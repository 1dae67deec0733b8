// Live checks run as shell code (ping, tcp and http in the reader's sh, sh checks in the probe shell's bash), and what their results mean.

import { WORLD_NETNS_PATH } from '../kernel/collect.ts';
import type { ShellResult } from '../lab-types.ts';
import type { Assertion, CheckResult, Ns } from './types.ts';
import { shellQuote } from '../process/shell-quote.ts';
import { withLessonVariables } from './variables.ts';
import { english, type Translate } from '../i18n/index.ts';

export type Probe = (code: string) => Promise<ShellResult>;

/**
 * How long a probe waits for an answer, by what the check expects. Every host of the lab is one hop
 * away on a veth (a reply takes well under a millisecond), so waiting for an answer that must NOT come
 * (`ping … fails`, `tcp … is closed`) needs only a lab-sized wait; waiting for one that must come is
 * cut short by the answer itself: `ping … succeeds` sends a packet every 0.2 s until one is answered
 * (so the first packet's ARP lookup cannot make it flake) or its time is up. `waiting DURATION` on the
 * check line overrides these.
 */
export const WAIT_MS = { pingReply: 2000, pingNoReply: 500, tcpOpen: 2000, tcpClosed: 500, http: 3000 } as const;

/** Milliseconds as the seconds `ping -W`, `timeout` and `curl -m` take: `0.5`, `2`. */
const seconds = (ms: number): string => String(Math.max(ms, 1) / 1000);

export { shellQuote };

/** The command prefix that runs the rest of a line in a namespace (nothing for the lab host). */
export function inNamespace(ns: Ns): string {
  if (ns === undefined) return '';
  if (ns === 'world') return `nsenter --net=${WORLD_NETNS_PATH} `;
  return `ip netns exec ${shellQuote(ns)} `;
}

/**
 * The prefix that runs the rest of a line in a namespace's network only, for steplab's own ping, tcp and
 * http probes: `nsenter --net` is one exec where `ip netns exec` is two and remounts /sys, which a probe
 * by address does not need. A missing namespace is told in `ip netns exec`'s own words, by a builtin test
 * that fails the line without `exit`, so a probe needs no subshell (a fork) around it.
 */
export function inNetwork(ns: Ns): string {
  if (ns === undefined || ns === 'world') return inNamespace(ns);
  const q = shellQuote(ns);
  return `{ [ -e /run/netns/${q} ] || { printf 'Cannot open network namespace "%s": No such file or directory\\n' ${q}; false; }; } && nsenter --net=/run/netns/${q} `;
}


/** The last few non-empty lines of output, on one line, for a message. */
export function outputTail(output: string, lines = 3, chars = 200): string {
  const text = output.trim().split('\n').filter((l) => l.trim() !== '').slice(-lines).join(' | ');
  return text.length > chars ? `…${text.slice(-chars)}` : text;
}

/** When the probe could not even enter its namespace: why (ip netns exec's or nsenter's own error). */
function enterError(output: string): string | undefined {
  return output.split('\n').find((l) => l.startsWith('Cannot open network namespace') || l.startsWith('nsenter: '));
}

/** What one ping run said: the reply time, the loss, or ping's error. */
function pingSummary(output: string, t: Translate): string {
  const time = /time[=<]([\d.]+ ?ms)/.exec(output)?.[1];
  if (time !== undefined) return t('assert.ping.reply', { time });
  const loss = /(\d+(?:\.\d+)?% packet loss)/.exec(output)?.[1];
  return loss ?? (outputTail(output, 1) || t('assert.probe.no-output'));
}

/** `ping ADDR [from NS] succeeds|fails`: one ping process; to succeed, a packet every 0.2 s until one is answered. */
export async function probePing(a: Extract<Assertion, { kind: 'ping' }>, probe: Probe, t: Translate = english.t): Promise<CheckResult> {
  const wait = a.waitMs ?? (a.expect === 'succeeds' ? WAIT_MS.pingReply : WAIT_MS.pingNoReply);
  // ping's -w (its whole run) takes whole seconds; -W (one reply's wait) takes fractions. A wait under
  // a second (verify proving a challenge unsolved) sends one packet.
  const deadline = Math.ceil(wait / 1000);
  const code = a.expect === 'succeeds' && wait >= 1000
    ? `${inNetwork(a.from)}ping -c 1 -i 0.2 -w ${deadline} ${shellQuote(a.addr)}`
    : `${inNetwork(a.from)}ping -c 1 -W ${seconds(wait)} ${shellQuote(a.addr)}`;
  const r = await probe(code);
  const label = a.from === undefined ? t('assert.label.ping', { addr: a.addr }) : t('assert.label.ping-from', { addr: a.addr, ns: a.from });
  const blocked = enterError(r.output);
  if (blocked !== undefined) return { passed: false, message: t('assert.probe.could-not-run', { label, why: blocked }) };
  const summary = pingSummary(r.output, t);
  if (a.expect === 'succeeds') {
    return r.exitCode === 0
      ? { passed: true, message: t('assert.ping.succeeds', { label, summary }) }
      : { passed: false, message: t('assert.ping.fails-expected', { label, summary, seconds: wait >= 1000 ? deadline : wait / 1000 }) };
  }
  return r.exitCode === 0
    ? { passed: false, message: t('assert.ping.succeeds-expected', { label, summary }) }
    : { passed: true, message: t('assert.ping.fails', { label, summary }) };
}

/** What a TCP connect came to: open, or closed with the reason told apart (refused, filtered, unreachable). */
function tcpVerdict(r: ShellResult, waitMs: number, t: Translate): { open: boolean; why: string } {
  if (r.exitCode === 0) return { open: true, why: t('assert.tcp.accepted') };
  if (r.exitCode === 124 || r.timedOut || /timed out/i.test(r.output)) {
    return { open: false, why: t('assert.tcp.filtered', { seconds: waitMs / 1000 }) };
  }
  if (/refused/i.test(r.output)) return { open: false, why: t('assert.tcp.refused') };
  if (/unreachable|no route/i.test(r.output)) return { open: false, why: t('assert.tcp.unreachable', { why: outputTail(r.output, 1) }) };
  return { open: false, why: t('assert.tcp.failed', { status: r.exitCode, why: outputTail(r.output) || t('assert.probe.no-output') }) };
}

/** `tcp ADDR:PORT [from NS] is open|closed`: a connect under `timeout`, with bash's /dev/tcp. */
export async function probeTcp(a: Extract<Assertion, { kind: 'tcp' }>, probe: Probe, t: Translate = english.t): Promise<CheckResult> {
  const ns = inNetwork(a.from);
  const addr = shellQuote(a.addr);
  const waitMs = a.waitMs ?? (a.expect === 'open' ? WAIT_MS.tcpOpen : WAIT_MS.tcpClosed);
  const wait = seconds(waitMs);
  // bash has /dev/tcp (the reader's sh has not): no nc, and no subshell around it.
  const code = `${ns}timeout ${wait} bash -c 'exec 3<>"/dev/tcp/$0/$1"' ${addr} ${a.port}`;
  const r = await probe(code);
  const label = a.from === undefined ? t('assert.label.tcp', { addr: a.addr, port: a.port }) : t('assert.label.tcp-from', { addr: a.addr, port: a.port, ns: a.from });
  const blocked = enterError(r.output);
  if (blocked !== undefined) return { passed: false, message: t('assert.probe.could-not-run', { label, why: blocked }) };
  const { open, why } = tcpVerdict(r, waitMs, t);
  if (open === (a.expect === 'open')) return { passed: true, message: t(open ? 'assert.tcp.open' : 'assert.tcp.closed', { label, why }) };
  return { passed: false, message: t(open ? 'assert.tcp.open-expected' : 'assert.tcp.closed-expected', { label, why }) };
}

/** `http URL [from NS] contains "TEXT"`: one curl request; the message quotes what came back or curl's error. */
export async function probeHttp(a: Extract<Assertion, { kind: 'http' }>, probe: Probe, t: Translate = english.t): Promise<CheckResult> {
  const r = await probe(`${inNetwork(a.from)}curl -sS -m ${seconds(a.waitMs ?? WAIT_MS.http)} ${shellQuote(a.url)}`);
  const label = a.from === undefined ? t('assert.label.http', { url: a.url }) : t('assert.label.http-from', { url: a.url, ns: a.from });
  const blocked = enterError(r.output);
  if (blocked !== undefined) return { passed: false, message: t('assert.probe.could-not-run', { label, why: blocked }) };
  if (r.exitCode !== 0) {
    return { passed: false, message: t('assert.http.failed', { label, why: outputTail(r.output) || t('assert.http.curl-exit', { status: r.exitCode }), text: a.text }) };
  }
  if (r.output.includes(a.text)) return { passed: true, message: t('assert.http.contains', { label, text: a.text }) };
  const start = r.output.replace(/\s+/g, ' ').trim();
  const shown = start.length > 120 ? `${start.slice(0, 120)}…` : start;
  return { passed: false, message: t('assert.http.returned', { label, shown, text: a.text }) };
}

/** `sh "COMMAND" [in NS] succeeds|fails`: the escape hatch, run with sh -c in the probe shell. */
export async function probeSh(a: Extract<Assertion, { kind: 'sh' }>, probe: Probe, t: Translate = english.t): Promise<CheckResult> {
  // The command sees the lesson shell's variables (exported into sh's environment), in a subshell that cannot change them.
  const r = await probe(`( ${withLessonVariables(`${inNamespace(a.ns)}sh -c ${shellQuote(a.command)}`)} )`);
  const label = a.ns === undefined ? t('assert.label.sh', { command: a.command }) : t('assert.label.sh-in', { command: a.command, ns: a.ns });
  const status = r.timedOut ? t('assert.sh.timed-out', { ms: r.durationMs }) : t('assert.sh.exited', { status: r.exitCode });
  const tail = outputTail(r.output);
  const shown = tail === '' ? t('assert.probe.no-output') : t('assert.sh.output-ends', { tail });
  const succeeded = r.exitCode === 0 && !r.timedOut;
  if (a.expect === 'succeeds') {
    return succeeded ? { passed: true, message: t('assert.sh.done', { label, status }) } : { passed: false, message: t('assert.sh.expected-success', { label, status, shown }) };
  }
  return succeeded ? { passed: false, message: t('assert.sh.expected-failure', { label, status, shown }) } : { passed: true, message: t('assert.sh.done', { label, status }) };
}

/** Read a sysctl that snapshots do not record; undefined when the key does not exist there. */
export async function probeSysctl(key: string, ns: Ns, probe: Probe): Promise<string | undefined> {
  const r = await probe(`${inNamespace(ns)}sysctl -n ${shellQuote(key)}`);
  return r.exitCode === 0 ? r.output.trim() : undefined;
}

/**
 * A reader that runs the probes asked for in one turn of the event loop side by side: one POSIX sh
 * script that starts each in the background, into a file of its own that ends with a line of its status,
 * waits for all and prints the files with one `cat`, so independent probes of a check block cost the
 * slowest of them, not their sum. A lone probe runs as it is.
 */
export function batchProbes(read: Probe): Probe {
  let queue: { code: string; resolve: (r: ShellResult) => void; reject: (e: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (batch.length === 1) {
      const only = batch[0] as (typeof batch)[number];
      read(only.code).then(only.resolve, only.reject);
      return;
    }
    const id = Math.random().toString(36).slice(2, 10);
    const mark = `#~steplab-probe-${id}~#`;
    // Files of this shell's own ($$), written over by its next batch (no `rm`: a process costs more than the probes).
    const file = (i: number): string => `"$__f-${i}"`;
    const script = [
      '__f=/run/steplab; { [ -d "$__f" ] && [ -w "$__f" ]; } || __f=${TMPDIR:-/tmp}; __f="$__f/.probe-$$"',
      ...batch.map((b, i) => `( { ${b.code}\n}; printf '\\n%s %d %d\\n' '${mark}' ${i} $? ) >${file(i)} 2>&1 </dev/null & __p${i}=$!`),
      `wait ${batch.map((_, i) => `"$__p${i}"`).join(' ')}`,
      `cat ${batch.map((_, i) => file(i)).join(' ')}`,
      `printf '\\n%s end\\n' '${mark}'`,
    ].join('\n');
    read(script).then((r) => {
      // Each probe's output, then its line `MARK I STATUS`.
      let rest = r.output;
      batch.forEach((b, i) => {
        const end = new RegExp(`\\n${mark} ${i} (\\d+)\\n`).exec(rest);
        if (end === null || r.timedOut) {
          b.resolve({ exitCode: r.exitCode === 0 ? 137 : r.exitCode, output: r.output, timedOut: true, durationMs: r.durationMs });
          return;
        }
        b.resolve({ exitCode: Number(end[1]), output: rest.slice(0, end.index), timedOut: false, durationMs: r.durationMs });
        rest = rest.slice(end.index + end[0].length);
      });
    }, (error: unknown) => batch.forEach((b) => b.reject(error)));
  };
  return (code) => new Promise<ShellResult>((resolve, reject) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push({ code, resolve, reject });
  });
}
