// Whether steplab may prompt: only with a person at a terminal on both ends, and never under CI.

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the CI variable says we run in CI (set to anything but empty, `0` or `false`). */
export function isCI(env: Env): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Prompts need stdin and stdout to be terminals and no CI; otherwise steplab runs every step without asking. */
export function isInteractive(env: Env, stdin: { readonly isTTY?: boolean }, stdout: { readonly isTTY?: boolean }): boolean {
  return stdin.isTTY === true && stdout.isTTY === true && !isCI(env);
}
