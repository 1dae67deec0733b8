// Facts about one fenced code token: whether it was closed, and its content lines as written.

/** Whether a fenced block's raw text ends with a closing fence matching its opening one. */
export function isClosed(raw: string, fence: string): boolean {
  const lines = raw.replace(/\n+$/, '').split('\n');
  if (lines.length < 2) return false;
  const last = lines[lines.length - 1] ?? '';
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(last);
  const closing = match?.[1];
  return closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length;
}

/** The content lines of a closed fenced block exactly as written (indentation kept, fences dropped). */
export function contentLines(raw: string): string[] {
  const lines = raw.replace(/\n+$/, '').split('\n');
  return lines.slice(1, -1);
}

/** Lines of nested (indented or quoted) fences that open a block steplab would run, relative to the raw. */
export function nestedBlockWords(raw: string, words: readonly string[]): { readonly offset: number; readonly word: string }[] {
  const found: { offset: number; word: string }[] = [];
  raw.split('\n').forEach((line, offset) => {
    const match = /^[\s>]*(?:[-*+]|\d+[.)])?[\s>]*(?:`{3,}|~{3,})\s*([^\s{]+)/.exec(line);
    const word = match?.[1];
    if (word !== undefined && words.includes(word)) found.push({ offset, word });
  });
  return found;
}
