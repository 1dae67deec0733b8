// A fake terminal for clack prompts: answers each prompt, as it appears, with the next key presses.

import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';

export const DOWN = '\u001b[B';
export const UP = '\u001b[A';
export const ENTER = '\r';
export const CTRL_C = '\u0003';

/** Streams for a prompt, answering prompt n with answers[n]; a prompt beyond the answers gets Ctrl-C and is counted. */
export function fakeTerminal(answers: readonly string[]) {
  const input = new PassThrough();
  const queue = [...answers];
  let text = '';
  let unanswered = 0;
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const s = chunk.toString();
      text += s;
      // clack hides the cursor once when a prompt first draws itself.
      if (s.includes('\u001b[?25l')) {
        const next = queue.shift();
        if (next === undefined) unanswered += 1;
        setImmediate(() => input.write(next ?? CTRL_C));
      }
      callback();
    },
  });
  Object.assign(output, { columns: 100, rows: 40 });
  return {
    input,
    output,
    /** Everything drawn, without escape sequences. */
    text: () => stripVTControlCharacters(text),
    /** Answers not used, and prompts that found none. */
    left: () => ({ unused: queue.length, unanswered }),
  };
}
