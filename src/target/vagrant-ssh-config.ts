// Read what `vagrant ssh-config` prints and write an ssh config of our own from it (pure: no IO).

/** One `Host` block: its alias and its options, keys lower-cased as ssh treats them (IdentityFile may repeat). */
export interface SshHost {
  readonly alias: string;
  readonly options: ReadonlyMap<string, readonly string[]>;
}

/** Parse ssh_config text into its Host blocks; options before the first Host are ignored (Vagrant prints none). */
export function parseSshConfig(text: string): SshHost[] {
  const hosts: { alias: string; options: Map<string, string[]> }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] ?? '').toLowerCase();
    const value = unquote((m[2] ?? '').trim());
    if (key === 'host') {
      hosts.push({ alias: value, options: new Map() });
      continue;
    }
    const current = hosts.at(-1);
    if (!current) continue;
    current.options.set(key, [...(current.options.get(key) ?? []), value]);
  }
  return hosts;
}

/** The first value of an option, if set. */
export function option(host: SshHost, key: string): string | undefined {
  return host.options.get(key.toLowerCase())?.[0];
}

/** Pick the machine's Host block: the named one, else the only one; undefined when it is ambiguous or absent. */
export function pickHost(hosts: readonly SshHost[], machine?: string): SshHost | undefined {
  if (machine !== undefined) return hosts.find((h) => h.alias === machine);
  return hosts.length === 1 ? hosts[0] : undefined;
}

/** Write one Host block under a new alias, with extra options first (ssh takes the first value it reads for each). */
export function renderSshConfig(host: SshHost, alias: string, extra: Readonly<Record<string, string>> = {}): string {
  const lines = [`Host ${alias}`];
  const overridden = new Set(Object.keys(extra).map((k) => k.toLowerCase()));
  for (const [key, value] of Object.entries(extra)) lines.push(`  ${key} ${quote(value)}`);
  for (const [key, values] of host.options) {
    if (overridden.has(key)) continue;
    for (const value of values) lines.push(`  ${key} ${quote(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Remove the double quotes ssh allows around a value. */
function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** Quote a value that holds spaces, as ssh_config expects. */
function quote(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

/** Quote one argument for the remote POSIX shell that sshd runs the command with. */
export { shellQuote } from '../process/shell-quote.ts';
