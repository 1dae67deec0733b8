// A plain-words gloss of simple iptables rules, from a small table of options and targets; none when unsure.

import { english, type Translate } from '../i18n/index.ts';
import { tidyCjkSpaces } from '../util/cjk-spaces.ts';

/** One condition of a rule in words; `unless` ones are told after where the packets go. */
interface Condition {
  readonly text: string;
  readonly unless: boolean;
  /** The option and value it came from, so the subject can take over `-s` (`masquerade 172.17.0.0/16`). */
  readonly option: string;
  readonly value: string;
}

/** How one match option reads; `negated` when `!` precedes it. */
type Phrase = (value: string, negated: boolean, t: Translate) => { text: string; unless?: boolean };

/** The phrases that are one message with the option's value, or its negated message. */
type ValueKey = 'gloss.from' | 'gloss.not-from' | 'gloss.to' | 'gloss.not-to' | 'gloss.to-port' | 'gloss.not-to-port' | 'gloss.from-port' | 'gloss.not-from-port';
const simple = (yes: ValueKey, no: ValueKey): Phrase => (value, negated, t) => ({ text: t(negated ? no : yes, { value }) });

const MATCHES: Readonly<Record<string, Phrase>> = {
  '-s': simple('gloss.from', 'gloss.not-from'),
  '-d': simple('gloss.to', 'gloss.not-to'),
  '-i': (value, negated, t) => ({ text: t(negated ? 'gloss.unless-in-by' : 'gloss.in-by', { value }), unless: negated }),
  '-o': (value, negated, t) => ({ text: t(negated ? 'gloss.unless-out-by' : 'gloss.out-by', { value }), unless: negated }),
  '--dport': simple('gloss.to-port', 'gloss.not-to-port'),
  '--sport': simple('gloss.from-port', 'gloss.not-from-port'),
  '--ctstate': (value, negated, t) => ({ text: t(negated ? 'gloss.not-states' : 'gloss.states', { states: value.toLowerCase().split(',').join(t('gloss.or')) }) }),
  '--dst-type': (value, negated, t) => ({
    text: value === 'LOCAL'
      ? t(negated ? 'gloss.not-to-host' : 'gloss.to-host')
      : t(negated ? 'gloss.not-to-type' : 'gloss.to-type', { type: value.toLowerCase() }),
  }),
};

/** Options that only load a match module or name the protocol (told separately). */
const SILENT = new Set(['-m', '-p']);

/** What a target does to the packets the conditions describe; `what` is `tcp traffic`, `172.17.0.0/16`, …. */
type Action = (t: Translate, what: string, conditions: string, opts: ReadonlyMap<string, string>) => string | undefined;

const TARGETS: Readonly<Record<string, Action>> = {
  MASQUERADE: (t, what, conditions) => t('gloss.masquerade', { what, conditions }),
  SNAT: (t, what, conditions, o) => (o.has('--to-source') ? t('gloss.snat', { what, conditions, to: o.get('--to-source') ?? '' }) : undefined),
  DNAT: (t, what, conditions, o) => (o.has('--to-destination') ? t('gloss.dnat', { what, conditions, to: o.get('--to-destination') ?? '' }) : undefined),
  ACCEPT: (t, what, conditions) => t('gloss.accept', { what, conditions }),
  DROP: (t, what, conditions) => t('gloss.drop', { what, conditions }),
  REJECT: (t, what, conditions) => t('gloss.reject', { what, conditions }),
  RETURN: (t, what, conditions) => t('gloss.return', { what, conditions }),
};

/** Split a rule spec into words, keeping "quoted strings" whole. */
function words(spec: string): string[] {
  return [...spec.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

/** A gloss for a rule, e.g. `masquerade 172.17.0.0/16 unless it leaves by docker0`; undefined when not simple. */
export function glossRule(spec: string, userChains: ReadonlySet<string>, t: Translate = english.t): string | undefined {
  const opts = new Map<string, string>();
  const conds: Condition[] = [];
  const tokens = words(spec);
  for (let i = 0; i < tokens.length; i++) {
    const negated = tokens[i] === '!';
    const opt = negated ? tokens[++i] : tokens[i];
    const value = tokens[++i];
    if (opt === undefined || value === undefined) return undefined;
    opts.set(opt, value);
    const phrase = MATCHES[opt];
    const said = phrase?.(value, negated, t);
    if (said) conds.push({ text: said.text, unless: said.unless === true, option: negated ? `! ${opt}` : opt, value });
    else if (!phrase && !SILENT.has(opt) && !/^(-j|--to-source|--to-destination|-g)$/.test(opt)) return undefined;
  }
  const text = sentence(opts, conds, userChains, t);
  return text === undefined ? undefined : tidyCjkSpaces(text);
}

/** Put subject, conditions and target together; the `unless …` conditions go last, after where the packets go. */
function sentence(opts: ReadonlyMap<string, string>, all: readonly Condition[], userChains: ReadonlySet<string>, t: Translate): string | undefined {
  const text = action(opts, all.filter((c) => !c.unless), userChains, t);
  const unless = all.filter((c) => c.unless).map((c) => c.text);
  if (text === undefined || unless.length === 0) return text;
  // `forward … on to 172.17.0.2:80, unless it came in by docker0`; `masquerade … unless it leaves by docker0`.
  const afterNat = opts.has('--to-destination') || opts.has('--to-source');
  return t(afterNat ? 'gloss.unless-after-nat' : 'gloss.unless', { text, unless: unless.join(t('gloss.and')) });
}

/** The target's verb with its subject and the positive conditions. */
function action(opts: ReadonlyMap<string, string>, conds: readonly Condition[], userChains: ReadonlySet<string>, t: Translate): string | undefined {
  const target = opts.get('-j') ?? opts.get('-g');
  if (target === undefined) return undefined;
  const proto = opts.get('-p');
  const source = opts.get('-s');
  // `masquerade 172.17.0.0/16 …` reads better than `masquerade traffic from 172.17.0.0/16 …`.
  const fromSource = (c: Condition): boolean => c.option === '-s' && c.value === source;
  const bySource = (target === 'MASQUERADE' || target === 'SNAT') && source !== undefined && proto === undefined && conds.some(fromSource);
  const rest = bySource ? conds.filter((c) => !fromSource(c)) : conds;
  const what = bySource ? (source ?? '') : proto ? t('gloss.proto-traffic', { proto }) : t('gloss.traffic');
  const conditions = rest.length > 0 ? t('gloss.conditions', { conditions: rest.map((c) => c.text).join(t('gloss.separator')) }) : '';
  const verb = TARGETS[target];
  if (verb) return verb(t, what, conditions, opts);
  return userChains.has(target) ? t('gloss.jump', { chain: target, what, conditions }) : undefined;
}
