// Live checks (ping, tcp, http, sh) run as shell code in the probe shell, and what their results mean.

import { WORLD_NETNS_PATH } from '../kernel/collect.ts';
import type { ShellResult } from '../lab-types.ts';
import type { Assertion, CheckResult, Ns } from './types.ts';
import { shellQuote } from '../process/shell-quote.ts';
import { withLessonVariables } from './variables.ts';

export type Probe = (code: string) => Promise<ShellResult>;

/** How many times `ping … succeeds` tries, so the first packet's ARP resolution cannot make it flake. */
export const PING_TRIES = 3;
/** Seconds a TCP connect may take before the port counts as filtered. */
export const TCP_TIMEOUT_S = 2;
/** Seconds an HTTP request may take in all. */
export const HTTP_TIMEOUT_S = 3;

export { shellQuote };

/** The command prefix that runs the rest of a line in a namespace (nothing for the lab host). */
export function inNamespace(ns: Ns): string {
  if (ns === undefined) return '';
  if (ns === 'world') return `nsenter --net=${WORLD_NETNS_PATH} `;
  return `ip netns exec ${shellQuote(ns)} `;
}

/** ` from red` for a named namespace, nothing for the lab host. */
const from = (ns: Ns): string => (ns === undefined ? '' : ` from ${ns}`);

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
function pingSummary(output: string): string {
  const time = /time[=<]([\d.]+ ?ms)/.exec(output)?.[1];
  if (time !== undefined) return `reply in ${time}`;
  const loss = /(\d+(?:\.\d+)?% packet loss)/.exec(output)?.[1];
  return loss ?? (outputTail(output, 1) || 'no output');
}

/** `ping ADDR [from NS] succeeds|fails`: up to PING_TRIES one-second pings to succeed, one to fail. */
export async function probePing(a: Extract<Assertion, { kind: 'ping' }>, probe: Probe): Promise<CheckResult> {
  const ping = `${inNamespace(a.from)}ping -c 1 -W 1 ${shellQuote(a.addr)}`;
  const code = a.expect === 'succeeds'
    ? `( i=0; while [ "$i" -lt ${PING_TRIES} ]; do ${ping} && exit 0; i=$((i + 1)); done; exit 1 )`
    : `( ${ping} )`;
  const r = await probe(code);
  const label = `ping ${a.addr}${from(a.from)}`;
  const blocked = enterError(r.output);
  if (blocked !== undefined) return { passed: false, message: `${label} could not run: ${blocked}` };
  const summary = pingSummary(r.output);
  if (a.expect === 'succeeds') {
    return r.exitCode === 0
      ? { passed: true, message: `${label} succeeds (${summary})` }
      : { passed: false, message: `${label} fails (${summary}, ${PING_TRIES} tries); expected it to succeed` };
  }
  return r.exitCode === 0
    ? { passed: false, message: `${label} succeeds (${summary}); expected it to fail` }
    : { passed: true, message: `${label} fails (${summary})` };
}

/** What a TCP connect came to: open, or closed with the reason told apart (refused, filtered, unreachable). */
function tcpVerdict(r: ShellResult): { open: boolean; why: string } {
  if (r.exitCode === 0) return { open: true, why: 'connection accepted' };
  if (r.exitCode === 124 || r.timedOut || /timed out/i.test(r.output)) {
    return { open: false, why: `filtered: no answer within ${TCP_TIMEOUT_S} s, so a firewall drops the packets or nothing answers at that address` };
  }
  if (/refused/i.test(r.output)) return { open: false, why: 'connection refused: nothing listens on that port, or a firewall rejects it' };
  if (/unreachable|no route/i.test(r.output)) return { open: false, why: `unreachable: ${outputTail(r.output, 1)}` };
  return { open: false, why: `connect failed with exit ${r.exitCode}: ${outputTail(r.output) || 'no output'}` };
}

/** `tcp ADDR:PORT [from NS] is open|closed`: a connect under `timeout`, with bash's /dev/tcp (nc -z without bash). */
export async function probeTcp(a: Extract<Assertion, { kind: 'tcp' }>, probe: Probe): Promise<CheckResult> {
  const ns = inNamespace(a.from);
  const addr = shellQuote(a.addr);
  const code = [
    '( if command -v bash >/dev/null 2>&1; then',
    `  ${ns}timeout ${TCP_TIMEOUT_S} bash -c 'exec 3<>"/dev/tcp/$0/$1"' ${addr} ${a.port}`,
    `else ${ns}timeout ${TCP_TIMEOUT_S} nc -z -v -w ${TCP_TIMEOUT_S} ${addr} ${a.port}; fi )`,
  ].join('\n');
  const r = await probe(code);
  const label = `tcp ${a.addr}:${a.port}${from(a.from)}`;
  const blocked = enterError(r.output);
  if (blocked !== undefined) return { passed: false, message: `${label} could not run: ${blocked}` };
  const verdict = tcpVerdict(r);
  const state = verdict.open ? 'open' : 'closed';
  const message = `${label} is ${state} (${verdict.why})`;
  return state === a.expect ? { passed: true, message } : { passed: false, message: `${message}; expected ${a.expect}` };
}

/** `http URL [from NS] contains "TEXT"`: one curl request; the message quotes what came back or curl's error. */
export async function probeHttp(a: Extract<Assertion, { kind: 'http' }>, probe: Probe): Promise<CheckResult> {
  const r = await probe(`( ${inNamespace(a.from)}curl -sS -m ${HTTP_TIMEOUT_S} ${shellQuote(a.url)} )`);
  const label = `http ${a.url}${from(a.from)}`;
  const blocked = enterError(r.output);
  if (blocked !== undefined) return { passed: false, message: `${label} could not run: ${blocked}` };
  if (r.exitCode !== 0) {
    return { passed: false, message: `${label} failed (${outputTail(r.output) || `curl exited ${r.exitCode}`}); expected it to contain "${a.text}"` };
  }
  if (r.output.includes(a.text)) return { passed: true, message: `${label} contains "${a.text}"` };
  const start = r.output.replace(/\s+/g, ' ').trim();
  const shown = start.length > 120 ? `${start.slice(0, 120)}…` : start;
  return { passed: false, message: `${label} returned "${shown}"; expected it to contain "${a.text}"` };
}

/** `sh "COMMAND" [in NS] succeeds|fails`: the escape hatch, run with sh -c in the probe shell. */
export async function probeSh(a: Extract<Assertion, { kind: 'sh' }>, probe: Probe): Promise<CheckResult> {
  // The command sees the lesson shell's variables (exported into sh's environment), in a subshell that cannot change them.
  const r = await probe(`( ${withLessonVariables(`${inNamespace(a.ns)}sh -c ${shellQuote(a.command)}`)} )`);
  const label = `sh "${a.command}"${a.ns === undefined ? '' : ` in ${a.ns}`}`;
  const status = r.timedOut ? `timed out after ${r.durationMs} ms` : `exited ${r.exitCode}`;
  const tail = outputTail(r.output);
  const shown = tail === '' ? 'no output' : `output ends: "${tail}"`;
  const succeeded = r.exitCode === 0 && !r.timedOut;
  if (a.expect === 'succeeds') {
    return succeeded ? { passed: true, message: `${label} ${status}` } : { passed: false, message: `${label} ${status}; expected success (${shown})` };
  }
  return succeeded ? { passed: false, message: `${label} ${status}; expected it to fail (${shown})` } : { passed: true, message: `${label} ${status}` };
}

/** Read a sysctl that snapshots do not record; undefined when the key does not exist there. */
export async function probeSysctl(key: string, ns: Ns, probe: Probe): Promise<string | undefined> {
  const r = await probe(`( ${inNamespace(ns)}sysctl -n ${shellQuote(key)} )`);
  return r.exitCode === 0 ? r.output.trim() : undefined;
}
