// Explains shell text command by command: assignments, the program's grammar, wrappers, redirections.

import type { ExplainedCommand, ExplainedPart } from './types.ts';
import { splitCommands } from './shell/split.ts';
import type { Redirection } from './shell/split.ts';
import { explainWithTool } from './engine.ts';
import type { Recurse } from './engine.ts';
import { findTool } from './registry.ts';
import { explainRedirection, redirectionSummary } from './redirect.ts';

/** Where a command stands and what surrounds it in the shell text. */
interface Setting {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly operator: string | undefined;
  readonly redirections: readonly Redirection[];
  /** Shell functions the lesson defines (`name() { … }`): calling one is explained, not unknown. */
  readonly functions?: ReadonlySet<string>;
}

/** `name() …` or `function name …` at the start of a line. */
const FUNCTION_DEFINITION = /^[ \t]*(?:function[ \t]+([A-Za-z_][\w-]*)|([A-Za-z_][\w-]*)[ \t]*\([ \t]*\))/gm;

/** The names of the shell functions a text defines. */
export function definedFunctions(src: string): Set<string> {
  return new Set([...src.matchAll(FUNCTION_DEFINITION)].map((m) => (m[1] ?? m[2]) as string));
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

const recurse: Recurse = {
  command: (words) => explainWords(words, { text: words.join(' '), line: 0, column: 0, operator: undefined, redirections: [] }),
  script: (text) => explainText(text),
  knows: (program) => findTool(programName(program)) !== undefined,
};

/** The name a program is known by: `/usr/sbin/ip` → `ip`. */
function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The part for a leading `NAME=value`. */
function assignmentPart(word: string, alone: boolean): ExplainedPart {
  const [, name = '', value = ''] = ASSIGNMENT.exec(word) ?? [];
  const what = value.includes('$(') || value.includes('`') ? 'the output of the command inside' : `"${value}"`;
  return {
    words: word,
    meaning: alone ? `sets the shell variable ${name} to ${what}; later commands read it as $${name}` : `sets ${name} to ${what} for this command only`,
  };
}

/** Explains one simple command given as words (quotes already removed). */
export function explainWords(words: readonly string[], setting: Setting): ExplainedCommand {
  const assignments = words.findIndex((w) => !ASSIGNMENT.test(w));
  const count = assignments < 0 ? words.length : assignments;
  const parts: ExplainedPart[] = words.slice(0, count).map((w) => assignmentPart(w, count === words.length));
  const unknown: string[] = [];
  let inner: ExplainedCommand[] = [];
  let summary: string;
  const [program, ...args] = words.slice(count);
  if (program === undefined) {
    summary = count > 0 ? `sets ${words.map((w) => w.split('=')[0]).join(', ')}` : 'redirects nothing but opens the files';
  } else {
    const tool = findTool(programName(program));
    if (program === 'function' && args[0] !== undefined && setting.functions?.has(args[0])) {
      // `function name { body…`: the definition, then the body's first command as its own.
      parts.push({ words: `function ${args[0]}`, meaning: `defines the shell function ${args[0]}; later commands call it by name` });
      const body = args.slice(1);
      if (body[0] === '{') body.shift();
      const rest = body.length > 0 ? explainWords(body, { ...setting, redirections: [] }) : undefined;
      if (rest) {
        parts.push(...rest.parts);
        unknown.push(...rest.unknown);
        inner = [...rest.inner];
      }
      summary = `defines the shell function ${args[0]}${rest ? `, which ${rest.summary}` : ''}`;
    } else if (setting.functions?.has(program)) {
      parts.push({ words: program, meaning: `the shell function ${program}, defined in this lesson` });
      if (args.length > 0) parts.push({ words: args.join(' '), meaning: `its arguments ($1, $2, …)` });
      summary = `runs (or defines) the shell function ${program}`;
    } else if (tool === undefined) {
      parts.push({ words: program, meaning: `steplab does not know the program "${program}"` });
      if (args.length > 0) parts.push({ words: args.join(' '), meaning: `arguments of ${program}, not explained` });
      unknown.push(program);
      summary = `runs ${program}, a program steplab does not know`;
    } else {
      const explained = explainWithTool(tool, program, args, recurse);
      parts.push(...explained.parts);
      unknown.push(...explained.unknown);
      inner = explained.inner;
      summary = explained.summary;
    }
  }
  for (const r of setting.redirections) {
    const { part, known } = explainRedirection(r);
    parts.push(part);
    if (!known) unknown.push(r.op);
  }
  summary += redirectionSummary(setting.redirections);
  const { text, line, column, operator } = setting;
  return { text, line, column, summary, parts, unknown, inner, operator };
}

/** Explains every command of a shell text, each `$(…)` substitution before the command that uses it. */
export function explainText(src: string, functions: ReadonlySet<string> = definedFunctions(src)): ExplainedCommand[] {
  const explained: ExplainedCommand[] = [];
  for (const command of splitCommands(src)) {
    for (const substitution of command.substitutions) {
      for (const sub of explainText(substitution, functions)) explained.push({ ...sub, line: command.line + sub.line });
    }
    explained.push(explainWords(command.words, { ...command, functions }));
  }
  return explained;
}
