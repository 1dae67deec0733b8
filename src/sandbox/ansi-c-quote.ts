// Text as one bash word on one line ($'…'), so a block crosses to the shell without a decoding process.

/** `$'…'` with backslash, quote and control characters escaped; other characters (UTF-8 too) as they are. */
export function ansiCQuote(text: string): string {
  const body = text.replace(/[\\']|[\x00-\x1f\x7f]/g, (c) => {
    if (c === '\\' || c === "'") return `\\${c}`;
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `$'${body}'`;
}
