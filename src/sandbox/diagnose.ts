// Turn a sandbox that would not start into an error that names the cause and the fix.

import { SteplabError } from '../errors.ts';

/** Explain why `unshare` or the init script failed, from what they printed. */
export function diagnoseStartFailure(output: string, target: string): SteplabError {
  const text = output.trim();
  if (/unshare failed: Operation not permitted|cannot open \/proc\/self\/uid_map|write failed \/proc\/self\/uid_map|setgroups failed/i.test(text)) {
    return new SteplabError(
      'USERNS_DENIED',
      `The kernel on the ${target} target refused to create a user namespace for the sandbox (${firstLine(text)}).`,
      [
        'On Ubuntu 23.10 and later, AppArmor restricts unprivileged user namespaces:',
        '  sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0   (or run steplab as root)',
        'On Debian before 11 or other kernels that gate them:',
        '  sudo sysctl -w kernel.unprivileged_userns_clone=1',
        'If user.max_user_namespaces is 0:  sudo sysctl -w user.max_user_namespaces=15000',
        'Or run the lesson in a container instead:  steplab run --target docker',
      ].join('\n'),
    );
  }
  const missing = /(unshare|nsenter|ip|socat|bash|awk|ps|base64|sysctl)[^\n]*(not found|No such file)/.exec(text);
  if (missing) {
    return new SteplabError(
      'TOOL_MISSING',
      `The sandbox needs '${missing[1]}' on the ${target} target: ${firstLine(missing[0])}`,
      'On Debian or Ubuntu: sudo apt-get install iproute2 iptables util-linux socat procps bash gawk',
    );
  }
  const failed = /STEPLAB-FAIL (.*)/.exec(text);
  return new SteplabError(
    'SANDBOX_BROKEN',
    `The sandbox could not start on the ${target} target: ${failed?.[1] ?? (firstLine(text) || 'it exited without saying why')}`,
    'Run `steplab doctor` to see what this machine allows, or try another target with --target docker.',
  );
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
