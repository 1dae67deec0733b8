// The shapes of command knowledge (data) and of an explained command (the engine's result).

/**
 * Glosses for values, in order of preference. A key is an exact word, a glob where `*` matches
 * any run of characters (captured as {1}, {2}, …), or a regular expression written `/…/`
 * (its groups captured likewise). A gloss may use {value} for the whole word.
 */
export type Vocabulary = Readonly<Record<string, string>>;

/** A value taken by an option, a keyword or a positional argument. */
export interface ValueSpec {
  /** How the value is called in the grammar, e.g. `CHAIN`. */
  readonly name: string;
  /** The summary placeholder this value fills, e.g. `chain` for `{chain}`. */
  readonly bind?: string;
  /** The value is `KEY<split>VALUE`: `bind` gets the key and `<bind>-value` what follows. */
  readonly split?: string;
  /** Glosses for known values, appended to the meaning after a dash. */
  readonly values?: Vocabulary;
  /** Only values in `values` are understood; anything else is reported as unknown. */
  readonly closed?: boolean;
  /** The value is a list split by this separator (`RELATED,ESTABLISHED`); each item is glossed. */
  readonly list?: string;
  /** The value may be left out: it is taken only when the next word matches `pattern`. */
  readonly optional?: boolean;
  /** A regular expression (source) the value must match. */
  readonly pattern?: string;
  /** The value is a shell script (`sh -c '…'`): its commands are explained in turn. */
  readonly script?: boolean;
}

/** What an item adds to the command's one-line summary; alternatives in order, first fully bound wins. */
export type Effect = string | readonly string[];

/** A dash option: `-t nat`, `--network host`, `-n`. */
export interface OptionSpec {
  readonly names: readonly string[];
  /** A template: {value} and summary placeholders. */
  readonly meaning: string;
  readonly value?: ValueSpec;
  readonly effect?: Effect;
  /** Where the whole command happens, prefixed to the summary: `in namespace {value}`. */
  readonly context?: string;
}

/** A bare word, possibly several, possibly taking a value: `up`, `master br0`, `peer name B`. */
export interface KeywordSpec {
  /** Alternative spellings; each may be several words (`peer name`). */
  readonly words: readonly string[];
  readonly meaning: string;
  readonly value?: ValueSpec;
  readonly effect?: Effect;
  readonly context?: string;
}

/** An argument known by its place: the interface's name, the image. */
export interface PositionalSpec {
  readonly meaning: string;
  readonly value: ValueSpec;
  /** Takes every further argument of the same kind. */
  readonly repeat?: boolean;
  /** May be left out: a word that does not fit it is tried on the next positional. */
  readonly optional?: boolean;
  readonly effect?: Effect;
}

/**
 * What the words after the positional arguments are:
 * `command` another command, explained in turn (wrappers: sudo, ip netns exec);
 * `any-command` the same, but a program steplab does not know is fine (a container's command);
 * `script` shell text run by another shell; `words` free text, glossed word by word when `values` is given.
 */
export interface RestSpec {
  readonly kind: 'command' | 'any-command' | 'script' | 'words';
  readonly meaning: string;
  readonly bind?: string;
  readonly values?: Vocabulary;
  readonly closed?: boolean;
}

/** A program or one of its subcommands: a tree of grammar. */
export interface CommandNode {
  /** Spellings; the first is the canonical one. For a tool: its program names. */
  readonly names: readonly string[];
  /** The gloss of this word (for a subcommand, of the whole subcommand path). */
  readonly meaning: string;
  /** One-line summaries, in order; the first whose placeholders are all bound wins. */
  readonly summary?: readonly string[];
  /** Subcommands may be shortened to any prefix; the first in order wins (iproute2's rule). */
  readonly abbreviate?: boolean;
  /** Options understood here and in every subcommand below. */
  readonly options?: readonly OptionSpec[];
  readonly commands?: readonly CommandNode[];
  readonly keywords?: readonly KeywordSpec[];
  readonly positionals?: readonly PositionalSpec[];
  readonly rest?: RestSpec;
  /** Summary placeholders bound before any word is read: `{ table: 'filter' }`. */
  readonly defaults?: Readonly<Record<string, string>>;
}

/** A program: the root of a grammar tree. */
export type Tool = CommandNode;

/** Some words of a command and what they mean. */
export interface ExplainedPart {
  readonly words: string;
  readonly meaning: string;
}

/** One command of a block, explained. */
export interface ExplainedCommand {
  /** The command as written (source text, continuations kept). */
  readonly text: string;
  /** Lines and columns from 0, relative to the block's first line. */
  readonly line: number;
  readonly column: number;
  /** What the whole command does, in one line. */
  readonly summary: string;
  /** Every word, in groups, with its meaning. */
  readonly parts: readonly ExplainedPart[];
  /** Words (or the program) steplab could not explain; includes those of `inner`. */
  readonly unknown: readonly string[];
  /** Commands this one hands to another shell (`sh -c '…'`), explained. */
  readonly inner: readonly ExplainedCommand[];
  /** The shell operator after it: `|`, `&&`, `||`, `;`, `&`; undefined at the end of a line. */
  readonly operator: string | undefined;
}
