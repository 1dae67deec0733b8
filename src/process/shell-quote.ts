// Quote words for a POSIX shell: the one quoting rule for commands steplab builds as text.

/** One word for sh: as it is when it holds only safe characters, else single-quoted with embedded quotes closed and reopened. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
