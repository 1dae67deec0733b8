// `steplab doctor`: can this machine run the sandbox, and with which tools? Says what to do for each gap.

import { isSteplabError } from '../../errors.ts';
import { LAB_COMMANDS, labPackages } from '../../lab-tools.ts';
import { commandExists } from '../../process/spawn.ts';
import { startSandbox } from '../../sandbox/sandbox.ts';
import type { Options } from '../args.ts';
import type { Io } from '../io.ts';
import { openTarget, parseTargetChoice } from '../targets.ts';

/** Report the local tools and try a real sandbox on the chosen target; exit 0 when it works. */
export async function doctorCommand(options: Options, io: Io): Promise<number> {
  const choice = parseTargetChoice(options.target);
  if (choice === 'sandbox') {
    const missing: string[] = [];
    for (const tool of LAB_COMMANDS) if (!(await commandExists(tool))) missing.push(tool);
    io.stdout.write(missing.length === 0 ? 'tools: all present\n' : `tools missing: ${missing.join(', ')}\n  on Debian/Ubuntu: ./setup, or sudo apt-get install ${labPackages({ host: true }).join(' ')}\n`);
  }
  const target = await openTarget(choice, (line) => io.stdout.write(`${line}\n`));
  try {
    const started = performance.now();
    const sandbox = await startSandbox(target, { world: 'internet' });
    try {
      const r = await sandbox.probe('curl -s -m 3 http://198.51.100.10/ | head -1; id -u; tcpdump --version 2>&1 | head -1');
      io.stdout.write(`sandbox on ${target.description}: ready in ${Math.round(performance.now() - started)} ms\n${r.output.replace(/^/gm, '  ')}`);
    } finally {
      await sandbox.dispose();
    }
    return 0;
  } catch (error) {
    if (!isSteplabError(error)) throw error;
    io.stdout.write(`sandbox on ${target.description}: cannot start\n  ${error.message}\n${error.hint ? `${error.hint.replace(/^/gm, '  ')}\n` : ''}`);
    return 1;
  } finally {
    await target.dispose();
  }
}
