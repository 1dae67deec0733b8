import { describe, expect, it } from 'vitest';
import { isCI, isInteractive } from '../../../src/cli/ui/io.ts';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('isInteractive', () => {
  it('prompts only with terminals on both ends and no CI', () => {
    expect(isInteractive({}, tty, tty)).toBe(true);
    expect(isInteractive({}, pipe, tty)).toBe(false);
    expect(isInteractive({}, tty, pipe)).toBe(false);
    expect(isInteractive({}, {}, tty)).toBe(false);
    expect(isInteractive({ CI: 'true' }, tty, tty)).toBe(false);
    expect(isInteractive({ CI: '1' }, tty, tty)).toBe(false);
  });

  it('takes CI as unset when empty, 0 or false', () => {
    for (const value of ['', '0', 'false', 'FALSE']) expect(isCI({ CI: value })).toBe(false);
    expect(isInteractive({ CI: 'false' }, tty, tty)).toBe(true);
  });
});
