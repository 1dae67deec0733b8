import { describe, expect, it } from 'vitest';
import { parseAttributes, readFenceLine } from '../../../src/lesson/attributes.ts';
import type { BlockWord } from '../../../src/lesson/attributes.ts';

/** Parses the attributes of an opening fence line. */
function attrs(line: string): ReturnType<typeof parseAttributes> {
  const info = readFenceLine(line);
  if (info === undefined) throw new Error(`not a fence: ${line}`);
  return parseAttributes(info.word as BlockWord, info.rest, info.restColumn);
}

describe('readFenceLine', () => {
  it('splits the fence, the word and the rest with columns', () => {
    expect(readFenceLine('   ~~~~ sh {exit=1}')).toEqual({ fence: '~~~~', word: 'sh', wordColumn: 9, rest: ' {exit=1}', restColumn: 11 });
    expect(readFenceLine('```check')).toEqual({ fence: '```', word: 'check', wordColumn: 4, rest: '', restColumn: 9 });
    expect(readFenceLine('```')).toMatchObject({ word: '' });
    expect(readFenceLine('    ```sh')).toBeUndefined();
  });
});

describe('parseAttributes', () => {
  it('gives defaults when there are none', () => {
    expect(attrs('```sh')).toEqual({ attributes: { timeoutMs: undefined, background: false, exit: 0 }, problems: [] });
  });

  it('reads several attributes separated by spaces or commas', () => {
    expect(attrs('```sh {background timeout=5s}').attributes).toEqual({ timeoutMs: 5000, background: true, exit: 0 });
    expect(attrs('```sh {timeout=500ms, exit=3}').attributes).toEqual({ timeoutMs: 500, background: false, exit: 3 });
    expect(attrs('```solution {exit=2,timeout="2m"}').attributes).toEqual({ timeoutMs: 120_000, background: false, exit: 2 });
    expect(attrs('```setup {timeout=1s}').attributes.timeoutMs).toBe(1000);
  });

  it('reads ready="TEXT" on a background block, spaces and commas kept inside the quotes', () => {
    expect(attrs('```sh {background ready="listening on, now" timeout=3s}').attributes).toEqual({ timeoutMs: 3000, background: true, exit: 0, ready: 'listening on, now' });
    expect(attrs('```sh {background, ready=READY}').attributes).toEqual({ timeoutMs: undefined, background: true, exit: 0, ready: 'READY' });
  });

  it.each<[string, number, string]>([
    ['```sh {tiemout=5s}', 8, 'unknown attribute "tiemout" on a sh block (did you mean "timeout"?); sh takes timeout, background, exit and ready'],
    ['```solution {background}', 14, 'unknown attribute "background" on a solution block; solution takes timeout and exit'],
    ['```setup {exit=1}', 11, 'unknown attribute "exit" on a setup block; setup takes timeout'],
    ['```cleanup {background}', 13, 'unknown attribute "background" on a cleanup block; cleanup takes timeout'],
    ['```check {timeout=5s}', 11, 'unknown attribute "timeout" on a check block; check blocks take no attributes'],
    ['```hint {x}', 10, 'unknown attribute "x" on a hint block; hint blocks take no attributes'],
    ['```check title', 10, 'unexpected "title" after "check"; check blocks take no attributes'],
    ['```sh timeout=5s', 7, 'unexpected "timeout=5s" after "sh"; attributes go in braces, e.g. sh {exit=1}'],
    ['```sh {timeout=5s', 7, 'unclosed "{" in the attributes of this sh block; end them with "}"'],
    ['```sh {exit=1} more', 16, 'unexpected "more" after the attributes; nothing may follow "}"'],
    ['```sh {timeout}', 8, 'timeout needs a value, e.g. timeout=5s'],
    ['```sh {timeout=5}', 8, 'timeout: "5" is not a duration; write a number and a unit, e.g. 500ms, 5s or 2m'],
    ['```sh {background=yes}', 8, 'background takes no value; write {background}'],
    ['```sh {exit=256}', 8, 'exit needs a whole number from 0 to 255, e.g. exit=1 (got "256")'],
    ['```sh {exit}', 8, 'exit needs a whole number from 0 to 255, e.g. exit=1 (got nothing)'],
    ['```sh {exit=1 exit=2}', 15, 'attribute "exit" is given twice; keep one'],
    ['```sh {background exit=1}', 19, 'a {background} block keeps running, so it has no exit status; drop exit=1 or background'],
    ['```sh {ready="listening on"}', 8, 'ready= waits for a {background} block to start; add background, e.g. sh {background ready="listening on"}'],
    ['```sh {background ready}', 19, 'ready needs the text that shows the block has started, e.g. ready="listening on"'],
    ['```sh {background ready=""}', 19, 'ready needs the text that shows the block has started, e.g. ready="listening on"'],
    ['```sh {background ready="listening on}', 19, 'the quote after ready= is never closed; write e.g. ready="listening on"'],
    ['```solution {ready=x}', 14, 'unknown attribute "ready" on a solution block; solution takes timeout and exit'],
  ])('%s → column %i', (line, column, message) => {
    expect(attrs(line).problems).toEqual([{ column, message }]);
  });
});
