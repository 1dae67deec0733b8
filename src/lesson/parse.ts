// Turns a lesson's Markdown into a typed Lesson with source lines, or the problems that stop it. Pure: no IO.

import { Lexer, getDefaults } from 'marked';
import type { Token, Tokens } from 'marked';
import type { CommandBlock, CommandKind, Lesson, ParseResult, Problem } from './types.ts';
import { BLOCK_WORDS, isBlockWord, parseAttributes, readFenceLine } from './attributes.ts';
import type { BlockWord } from './attributes.ts';
import { parseCheckLines } from './check-block.ts';
import { contentLines, isClosed, nestedBlockWords } from './fence.ts';
import { parseFrontMatter, splitFrontMatter } from './front-matter.ts';
import { isKebabCase, slugify, splitHeadingId } from './slug.ts';
import { finishStep, newStepDraft } from './step-draft.ts';
import type { StepDraft } from './step-draft.ts';
import { editDistance } from '../util/did-you-mean.ts';
import { english, type Translate } from '../i18n/index.ts';

/** Everything the walk over the tokens gathers. */
interface Walk {
  readonly file: string;
  readonly t: Translate;
  readonly problems: Problem[];
  h1: string | undefined;
  readonly intro: string[];
  readonly setup: CommandBlock[];
  readonly cleanup: CommandBlock[];
  readonly docker: CommandBlock[];
  readonly steps: StepDraft[];
  /** Prose waiting to become a part of the current step. */
  prose: { markdown: string; line: number } | undefined;
}

/** Parses one lesson file's text; `file` is only used to label problems. */
export function parseLesson(text: string, file: string, t: Translate = english.t): ParseResult {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitFrontMatter(source, t);
  const front = parseFrontMatter(split, file, t);
  const walk: Walk = { file, t, problems: [...front.problems], h1: undefined, intro: [], setup: [], cleanup: [], docker: [], steps: [], prose: undefined };
  let line = split.bodyOffset + 1;
  for (const token of new Lexer(getDefaults()).lex(split.body)) {
    const start = line + (/^\n*/.exec(token.raw)?.[0].length ?? 0);
    readToken(walk, token, start);
    line += token.raw.split('\n').length - 1;
  }
  flushProse(walk);
  const steps = walk.steps.map((draft) => {
    const finished = finishStep(draft, file, t);
    walk.problems.push(...finished.problems);
    return finished.step;
  });
  const title = front.fields.title ?? walk.h1;
  if (title === undefined && front.readable) {
    walk.problems.push({ file, line: 1, column: 1, severity: 'error', message: t('lint.no-title') });
  }
  if (steps.length === 0 && split.yaml !== undefined) {
    walk.problems.push({ file, line: split.bodyOffset + 1, column: 1, severity: 'error', message: t('lint.no-steps') });
  }
  const problems = walk.problems.toSorted((a, b) => a.line - b.line || a.column - b.column);
  const { format, id, summary, requires, world, timeoutMs, lang, translatedFrom } = front.fields;
  if (problems.some((p) => p.severity === 'error') || format === undefined || id === undefined || title === undefined) {
    return { lesson: undefined, problems };
  }
  const introduction = walk.intro.join('').trim();
  const lesson: Lesson = { file, format, id, title, summary, requires, world, timeoutMs, lang, ...(translatedFrom === undefined ? {} : { translatedFrom }), introduction, setup: walk.setup, cleanup: walk.cleanup, docker: walk.docker, steps };
  return { lesson, problems };
}

/** Files one top-level token into the introduction or the current step. */
function readToken(walk: Walk, token: Token, line: number): void {
  const step = walk.steps.at(-1);
  if (token.type === 'heading') {
    const heading = token as Tokens.Heading;
    if (heading.depth === 2) return startStep(walk, heading, line);
    if (heading.depth === 1 && walk.h1 === undefined && step === undefined) {
      walk.h1 = heading.text.trim();
      return;
    }
    if (heading.depth === 1) {
      walk.problems.push({ file: walk.file, line, column: 1, severity: 'warning', message: walk.t('lint.second-h1') });
    }
  }
  if (token.type === 'code') return readCode(walk, token as Tokens.Code, line);
  if (token.type === 'list' || token.type === 'blockquote') warnNested(walk, token.raw, line);
  if (step === undefined) {
    walk.intro.push(token.raw);
    return;
  }
  if (token.type === 'space') {
    if (walk.prose !== undefined) walk.prose.markdown += token.raw;
    return;
  }
  if (walk.prose === undefined) walk.prose = { markdown: '', line };
  walk.prose.markdown += token.raw;
}

/** A level-2 heading: closes the current step and opens the next. */
function startStep(walk: Walk, heading: Tokens.Heading, line: number): void {
  flushProse(walk);
  const { title, id: explicit, at } = splitHeadingId(heading.text);
  const column = (text: string): number => Math.max(1, (heading.raw.split('\n')[0] ?? '').indexOf(text) + 1);
  const id = explicit ?? slugify(title);
  if (title === '' || (explicit === undefined && id === '')) {
    walk.problems.push({ file: walk.file, line, column: 1, severity: 'error', message: walk.t('lint.step-no-title') });
  }
  if (explicit !== undefined && !isKebabCase(explicit)) {
    const guess = slugify(explicit) || slugify(title) || 'create-namespaces';
    walk.problems.push({
      file: walk.file, line, column: column('{#'), severity: 'error',
      message: walk.t('lint.step-id-case', { id: `{#${explicit}}`, example: `{#${guess}}` }),
    });
  } else if (at < 0 && title.includes('{#')) {
    walk.problems.push({
      file: walk.file, line, column: column('{#'), severity: 'error',
      message: walk.t('lint.step-id-place', { close: '}', example: '## 创建命名空间 {#create-namespaces}' }),
    });
  }
  const twin = walk.steps.find((s) => s.id === id && id !== '');
  if (twin !== undefined) {
    walk.problems.push({
      file: walk.file, line, column: 1, severity: 'error',
      message: explicit === undefined
        ? walk.t('lint.step-same-id', { title, id, line: twin.line })
        : walk.t('lint.step-same-explicit-id', { title, id, line: twin.line, example: '{#id}' }),
    });
  }
  walk.steps.push(newStepDraft(walk.steps.length, id, title, line));
}

/** Moves waiting prose into the current step's body. */
function flushProse(walk: Walk): void {
  const step = walk.steps.at(-1);
  const markdown = walk.prose?.markdown.trim();
  if (step !== undefined && walk.prose !== undefined && markdown !== undefined && markdown !== '') {
    step.body.push({ kind: 'prose', markdown, line: walk.prose.line });
  }
  walk.prose = undefined;
}

/** A code block: a steplab block, an illustration, or an unclosed fence. */
function readCode(walk: Walk, token: Tokens.Code, line: number): void {
  const info = readFenceLine(token.raw.split('\n')[0] ?? '');
  const step = walk.steps.at(-1);
  if (info !== undefined && !isClosed(token.raw, info.fence)) {
    walk.problems.push({ file: walk.file, line, column: 1, severity: 'error', message: walk.t('lint.unclosed-fence', { fence: info.fence }) });
    return;
  }
  if (info === undefined || !isBlockWord(info.word)) {
    const lang = info?.word ?? '';
    warnLookalike(walk, lang, line, info?.wordColumn ?? 1);
    if (step === undefined) {
      walk.intro.push(token.raw);
      return;
    }
    flushProse(walk);
    step.body.push({ kind: 'illustration', lang, code: token.text, line });
    return;
  }
  const { attributes, problems } = parseAttributes(info.word, info.rest, info.restColumn, walk.t);
  for (const p of problems) walk.problems.push({ file: walk.file, line, column: p.column, severity: 'error', message: p.message });
  const block: CommandBlock = { kind: info.word as CommandKind, code: token.text, line, ...attributes };
  if (step === undefined) return readIntroBlock(walk, info.word, block, line, info.wordColumn);
  flushProse(walk);
  readStepBlock(walk, step, info.word, block, token);
}

/** setup/cleanup before the first step belong to the lesson; anything else there is misplaced. */
function readIntroBlock(walk: Walk, word: BlockWord, block: CommandBlock, line: number, column: number): void {
  if (word === 'setup') walk.setup.push(block);
  else if (word === 'cleanup') walk.cleanup.push(block);
  else if (word === 'docker') walk.docker.push(block);
  else {
    walk.problems.push({
      file: walk.file, line, column, severity: 'error',
      message: walk.t('lint.block-in-intro', { word }),
    });
  }
}

/** Files a steplab block into the step it stands in. */
function readStepBlock(walk: Walk, step: StepDraft, word: BlockWord, block: CommandBlock, token: Tokens.Code): void {
  switch (word) {
    case 'sh':
      step.commands.push(block);
      step.body.push({ kind: 'commands', block });
      return;
    case 'docker':
      step.docker.push(block);
      step.body.push({ kind: 'docker', block });
      return;
    case 'solution':
    case 'setup':
    case 'cleanup':
      step[word].push(block);
      return;
    case 'hint':
      step.hints.push({ markdown: token.text, line: block.line });
      return;
    case 'check': {
      const { checks, problems } = parseCheckLines(contentLines(token.raw), block.line + 1, walk.file, walk.t);
      step.checks.push(...checks);
      step.checkLines += checks.length + problems.length;
      walk.problems.push(...problems);
      if (checks.length + problems.length === 0) {
        walk.problems.push({ file: walk.file, line: block.line, column: 1, severity: 'warning', message: walk.t('lint.check-empty') });
      }
    }
  }
}

/** Warns about an illustration whose word is one letter off a steplab block (```chek is never run). */
function warnLookalike(walk: Walk, word: string, line: number, column: number): void {
  if (word.length < 4) return;
  const guess = BLOCK_WORDS.find((known) => known.length >= 4 && editDistance(word.toLowerCase(), known) <= 1);
  if (guess === undefined) return;
  walk.problems.push({
    file: walk.file, line, column, severity: 'warning',
    message: walk.t('lint.lookalike', { word, guess }),
  });
}

/** Warns about steplab blocks inside lists or quotes, which are shown but never run. */
function warnNested(walk: Walk, raw: string, line: number): void {
  for (const nested of nestedBlockWords(raw, BLOCK_WORDS)) {
    walk.problems.push({
      file: walk.file, line: line + nested.offset, column: 1, severity: 'warning',
      message: walk.t('lint.nested', { word: nested.word }),
    });
  }
}
