// The sandbox: fresh user, network, mount and PID namespaces on a target, the lab world, and the shells inside.

import { readFileSync } from 'node:fs';
import { SteplabError } from '../errors.ts';
import type { Target, TargetProcess } from '../target/types.ts';
import { diagnoseStartFailure } from './diagnose.ts';
import { ShellSession, type ShellRole } from './shell-session.ts';
import type { RunOptions, Sandbox, SandboxOptions, ShellResult } from './types.ts';

const INIT = readFileSync(new URL('./scripts/init.sh', import.meta.url), 'utf8');
const START_TIMEOUT_MS = 30_000;

/** Places of the sandboxes this process runs now, each pinned to a CPU of its own where there are enough. */
const places = new Set<number>();

/** Start a sandbox on a target; dispose it (or `await using`) to end every process, namespace and mount. */
export async function startSandbox(target: Target, options: SandboxOptions): Promise<Sandbox> {
  let place = 0;
  while (places.has(place)) place++;
  places.add(place);
  // Side by side in this process, sandboxes take CPUs in turn; other processes (test workers) start elsewhere.
  const spread = String(place + process.pid);
  const leave = (): boolean => places.delete(place);
  try {
    const first = await startInit(target, options.userns ?? true, options, spread);
    if (first.ok) return new TargetSandbox(target, first, leave);
    // Root in a container or VM may lack user namespaces; the namespaces still isolate the target from the lab.
    if (target.root && target.name !== 'sandbox' && options.userns !== false) {
      const second = await startInit(target, false, options, spread);
      if (second.ok) return new TargetSandbox(target, { ...second, mapping: 'none' }, leave);
    }
    throw diagnoseStartFailure(first.output, target.name);
  } catch (error) {
    leave();
    throw error;
  }
}

/** How ids are mapped into the sandbox's user namespace: joining processes must keep their credentials with `single`. */
type Mapping = 'wide' | 'single' | 'none';

/** A started init: its process, its PID on the target, how ids are mapped, the CPU it is pinned to (if any). */
interface Started { readonly init: TargetProcess; readonly pid: string; readonly mapping: Mapping; readonly cpu: string | undefined }

type InitStart = ({ ok: true } & Started) | { ok: false; output: string };

/** Spawn the init script and wait for its READY line. */
async function startInit(target: Target, userns: boolean, options: SandboxOptions, spread: string): Promise<InitStart> {
  const init = target.spawn(['bash', '--norc', '-c', INIT, 'steplab', 'enter', options.world, userns ? 'yes' : 'no', spread]);
  let output = '';
  const ready = await new Promise<RegExpExecArray | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = /STEPLAB-READY (\d+) (wide|single) (\d+|-)\n/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      } else if (output.includes('STEPLAB-FAIL')) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    init.stdout.on('data', onData);
    init.stderr.on('data', onData);
    void init.then(() => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  if (ready) return { ok: true, init, pid: ready[1] ?? '', mapping: userns ? (ready[2] as Mapping) : 'none', cpu: ready[3] === '-' ? undefined : ready[3] };
  init.stdin.end();
  init.kill('SIGKILL');
  await init;
  return { ok: false, output: output || 'the sandbox did not become ready in 30 s' };
}

class TargetSandbox implements Sandbox {
  readonly #target: Target;
  readonly #init: TargetProcess;
  readonly #pid: string;
  readonly #mapping: Mapping;
  /** The CPU init pinned the lab to: steplab's shells join it there. */
  readonly #cpu: string | undefined;
  readonly #leave: () => void;
  #shell: ShellSession;
  #probe: ShellSession | undefined;
  #reader: ShellSession | undefined;
  #disposed = false;

  constructor(target: Target, started: Started, leave: () => void) {
    this.#target = target;
    this.#init = started.init;
    this.#pid = started.pid;
    this.#mapping = started.mapping;
    this.#cpu = started.cpu;
    this.#leave = leave;
    this.#init.stdin.on('error', () => {});
    this.#shell = this.#openShell('lesson');
    // The reader starts now, while the lesson's first block runs, not at the first check.
    this.#reader = this.#openShell('reader');
  }

  async run(code: string, options: RunOptions): Promise<ShellResult> {
    this.#assertOpen();
    let note = '';
    if (!this.#shell.alive) {
      this.#shell = this.#openShell('lesson');
      note = '[steplab] the lesson shell had ended; this block runs in a new one (variables and cd are lost)\n';
    }
    const result = options.background ? await this.#shell.background(code, options.ready, options.timeoutMs) : await this.#shell.run(code, options.timeoutMs);
    return note ? { ...result, output: note + result.output } : result;
  }

  async probe(code: string, timeoutMs = 15_000): Promise<ShellResult> {
    this.#assertOpen();
    if (!this.#probe?.alive) this.#probe = this.#openShell();
    return this.#probe.run(code, timeoutMs);
  }

  async read(code: string, timeoutMs = 15_000): Promise<ShellResult> {
    this.#assertOpen();
    if (!this.#reader?.alive) this.#reader = this.#openShell('reader');
    return this.#reader.run(code, timeoutMs);
  }

  async interrupt(): Promise<void> {
    this.#assertOpen();
    const shell = this.#shell;
    if (!shell.busy) return;
    // INT first, as Ctrl-C would (ping prints its summary); what still runs after a moment gets KILL.
    await this.probe('__steplab_interrupt INT');
    for (let waited = 0; shell.busy && shell.alive && waited < 3_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (waited >= 500 && shell.busy) await this.probe('__steplab_interrupt KILL');
    }
  }

  interactiveArgv(): readonly string[] {
    // The same start as the lesson's shell (HOME, PS1, PATH with the sbin folders), from the file init wrote.
    return [...this.#enterArgv(), 'bash', '--noprofile', '--rcfile', '/run/steplab/env.sh', '-i'];
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#shell.close();
    this.#probe?.close();
    this.#reader?.close();
    // Closing the lifeline makes PID 1 exit; the kernel then kills the rest of the PID namespace.
    this.#init.stdin.end();
    const timer = setTimeout(() => this.#init.kill('SIGKILL'), 3_000);
    await this.#init;
    clearTimeout(timer);
    this.#leave();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  #openShell(role: ShellRole = 'probe'): ShellSession {
    const pin = this.#cpu === undefined ? [] : ['taskset', '-c', this.#cpu];
    const shell = role === 'reader' ? ['sh'] : ['bash', '--noprofile', '--norc'];
    return new ShellSession(this.#target.spawn([...pin, ...this.#enterArgv(), ...shell]), role);
  }

  #enterArgv(): string[] {
    const user = this.#mapping === 'none' ? [] : this.#mapping === 'single' ? ['-U', '--preserve-credentials'] : ['-U'];
    return ['nsenter', '-t', this.#pid, ...user, '-n', '-m', '-p', '-w', '--'];
  }

  #assertOpen(): void {
    if (this.#disposed) throw new SteplabError('SANDBOX_BROKEN', 'this sandbox has been disposed');
  }
}
