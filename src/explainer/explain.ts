// Explains shell text command by command: assignments, the program's grammar, wrappers, redirections.

import type { ExplainedCommand, ExplainedPart } from './types.ts';
import { splitCommands } from './shell/split.ts';
import type { Redirection } from './shell/split.ts';
import { explainWithTool } from './engine.ts';
import type { Recurse } from './engine.ts';
import { knowledgeIn } from './registry.ts';
import { explainRedirection, redirectionSummary } from './redirect.ts';
import { english, type Translator } from '../i18n/index.ts';
import { tidyCjkSpaces } from '../util/cjk-spaces.ts';

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

/** How the engine explains the commands inside a command, in the translator's language. */
function recurseIn(translator: Translator): Recurse {
  return {
    command: (words) => explainWords(words, { text: words.join(' '), line: 0, column: 0, operator: undefined, redirections: [] }, translator),
    script: (text) => explainText(text, definedFunctions(text), translator),
    knows: (program) => knowledgeIn(translator.lang).tools.has(programName(program)),
  };
}

/** The name a program is known by: `/usr/sbin/ip` → `ip`. */
function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** The part for a leading `NAME=value`. */
function assignmentPart(word: string, alone: boolean, { t }: Translator): ExplainedPart {
  const [, name = '', value = ''] = ASSIGNMENT.exec(word) ?? [];
  const what = value.includes('$(') || value.includes('`') ? t('explain.command-output') : `"${value}"`;
  return {
    words: word,
    meaning: alone ? t('explain.assignment', { name, what }) : t('explain.assignment-for-command', { name, what }),
  };
}

/** Explains one simple command given as words (quotes already removed). */
export function explainWords(words: readonly string[], setting: Setting, translator: Translator = english): ExplainedCommand {
  const { t } = translator;
  const assignments = words.findIndex((w) => !ASSIGNMENT.test(w));
  const count = assignments < 0 ? words.length : assignments;
  const parts: ExplainedPart[] = words.slice(0, count).map((w) => assignmentPart(w, count === words.length, translator));
  const unknown: string[] = [];
  let inner: ExplainedCommand[] = [];
  let summary: string;
  const [program, ...args] = words.slice(count);
  const knowledge = knowledgeIn(translator.lang);
  if (program === undefined) {
    summary = count > 0 ? t('explain.sets', { names: words.map((w) => w.split('=')[0]).join(t('explain.list-separator')) }) : t('explain.opens-files');
  } else {
    const tool = knowledge.tools.get(programName(program));
    if (program === 'function' && args[0] !== undefined && setting.functions?.has(args[0])) {
      // `function name { body…`: the definition, then the body's first command as its own.
      parts.push({ words: `function ${args[0]}`, meaning: t('explain.defines-function', { name: args[0] }) });
      const body = args.slice(1);
      if (body[0] === '{') body.shift();
      const rest = body.length > 0 ? explainWords(body, { ...setting, redirections: [] }, translator) : undefined;
      if (rest) {
        parts.push(...rest.parts);
        unknown.push(...rest.unknown);
        inner = [...rest.inner];
      }
      summary = rest ? t('explain.function-defined-which', { name: args[0], summary: rest.summary }) : t('explain.function-defined', { name: args[0] });
    } else if (setting.functions?.has(program)) {
      parts.push({ words: program, meaning: t('explain.function-call', { name: program }) });
      if (args.length > 0) parts.push({ words: args.join(' '), meaning: t('explain.function-arguments') });
      summary = t('explain.function-runs', { name: program });
    } else if (tool === undefined) {
      parts.push({ words: program, meaning: t('explain.unknown-program', { program }) });
      if (args.length > 0) parts.push({ words: args.join(' '), meaning: t('explain.unknown-arguments', { program }) });
      unknown.push(program);
      summary = t('explain.runs-unknown', { program });
    } else {
      const explained = explainWithTool(tool, program, args, recurseIn(translator), t);
      parts.push(...explained.parts);
      unknown.push(...explained.unknown);
      inner = explained.inner;
      summary = explained.summary;
    }
  }
  for (const r of setting.redirections) {
    const { part, known } = explainRedirection(r, knowledge, t);
    parts.push(part);
    if (!known) unknown.push(r.op);
  }
  summary = redirectionSummary(summary, setting.redirections, t);
  const { text, line, column, operator } = setting;
  const tidied = parts.map((p) => ({ words: p.words, meaning: tidyCjkSpaces(p.meaning) }));
  return { text, line, column, summary: tidyCjkSpaces(summary), parts: tidied, unknown, inner, operator };
}

/** Explains every command of a shell text, each `$(…)` substitution before the command that uses it. */
export function explainText(src: string, functions: ReadonlySet<string> = definedFunctions(src), translator: Translator = english): ExplainedCommand[] {
  const explained: ExplainedCommand[] = [];
  for (const command of splitCommands(src)) {
    for (const substitution of command.substitutions) {
      for (const sub of explainText(substitution, functions, translator)) explained.push({ ...sub, line: command.line + sub.line });
    }
    explained.push(explainWords(command.words, { ...command, functions }, translator));
  }
  return explained;
}
