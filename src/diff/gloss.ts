// A plain-words gloss of simple iptables rules, from a small table of options and targets; none when unsure.

/** How one match option reads; `negated` when `!` precedes it. */
type Phrase = (value: string, negated: boolean) => string;

const MATCHES: Readonly<Record<string, Phrase>> = {
  '-s': (v, n) => `${n ? 'not ' : ''}from ${v}`,
  '-d': (v, n) => `${n ? 'not ' : ''}to ${v}`,
  '-i': (v, n) => (n ? `unless it came in by ${v}` : `coming in by ${v}`),
  '-o': (v, n) => (n ? `unless it leaves by ${v}` : `leaving by ${v}`),
  '--dport': (v, n) => `${n ? 'not ' : ''}to port ${v}`,
  '--sport': (v, n) => `${n ? 'not ' : ''}from port ${v}`,
  '--ctstate': (v, n) => `${n ? 'not ' : ''}in ${v.toLowerCase().split(',').join(' or ')} connections`,
  '--dst-type': (v, n) => `${n ? 'not ' : ''}addressed to ${v === 'LOCAL' ? 'this host' : `a ${v.toLowerCase()} address`}`,
};

/** Options that only load a match module or name the protocol (told separately). */
const SILENT = new Set(['-m', '-p']);

/** What a target does to the packets the conditions describe; `what` is `tcp traffic`, `172.17.0.0/16`, …. */
const TARGETS: Readonly<Record<string, (what: string, conds: string, opts: ReadonlyMap<string, string>) => string | undefined>> = {
  MASQUERADE: (what, conds) => `masquerade ${what}${conds}`,
  SNAT: (what, conds, o) => (o.has('--to-source') ? `rewrite the source of ${what}${conds} to ${o.get('--to-source')}` : undefined),
  DNAT: (what, conds, o) => (o.has('--to-destination') ? `forward ${what}${conds} on to ${o.get('--to-destination')}` : undefined),
  ACCEPT: (what, conds) => `accept ${what}${conds}`,
  DROP: (what, conds) => `drop ${what}${conds}`,
  REJECT: (what, conds) => `reject ${what}${conds}`,
  RETURN: (what, conds) => `return early for ${what}${conds}`,
};

/** Split a rule spec into words, keeping "quoted strings" whole. */
function words(spec: string): string[] {
  return [...spec.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** A gloss for a rule, e.g. `masquerade 172.17.0.0/16 unless it leaves by docker0`; undefined when not simple. */
export function glossRule(spec: string, userChains: ReadonlySet<string>): string | undefined {
  const opts = new Map<string, string>();
  const conds: string[] = [];
  const tokens = words(spec);
  for (let i = 0; i < tokens.length; i++) {
    const negated = tokens[i] === '!';
    const opt = negated ? tokens[++i] : tokens[i];
    const value = tokens[++i];
    if (opt === undefined || value === undefined) return undefined;
    opts.set(opt, value);
    const phrase = MATCHES[opt];
    if (phrase) conds.push(phrase(value, negated));
    else if (!phrase && !SILENT.has(opt) && !/^(-j|--to-source|--to-destination|-g)$/.test(opt)) return undefined;
  }
  return sentence(opts, conds, userChains);
}

/** Put subject, conditions and target together; the `unless …` conditions go last, after where the packets go. */
function sentence(opts: ReadonlyMap<string, string>, all: readonly string[], userChains: ReadonlySet<string>): string | undefined {
  const conds = all.filter((c) => !c.startsWith('unless '));
  const unless = all.filter((c) => c.startsWith('unless '));
  const text = action(opts, conds, userChains);
  if (text === undefined || unless.length === 0) return text;
  // `forward … on to 172.17.0.2:80, unless it came in by docker0`; `masquerade … unless it leaves by docker0`.
  return `${text}${opts.has('--to-destination') || opts.has('--to-source') ? ',' : ''} ${unless.join(' and ')}`;
}

/** The target's verb with its subject and the positive conditions. */
function action(opts: ReadonlyMap<string, string>, conds: readonly string[], userChains: ReadonlySet<string>): string | undefined {
  const target = opts.get('-j') ?? opts.get('-g');
  if (target === undefined) return undefined;
  const proto = opts.get('-p');
  const source = opts.get('-s');
  // `masquerade 172.17.0.0/16 …` reads better than `masquerade traffic from 172.17.0.0/16 …`.
  const bySource = (target === 'MASQUERADE' || target === 'SNAT') && source !== undefined && proto === undefined && conds.includes(`from ${source}`);
  const rest = bySource ? conds.filter((c) => c !== `from ${source}`) : conds;
  const what = bySource ? (source ?? '') : `${proto ? `${proto} ` : ''}traffic`;
  const tail = rest.length > 0 ? ` ${rest.join(', ')}` : '';
  const verb = TARGETS[target];
  if (verb) return verb(what, tail, opts);
  return userChains.has(target) ? `go on to chain ${target} for ${what}${tail}` : undefined;
}
