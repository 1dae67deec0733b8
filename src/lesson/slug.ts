// Slugs in any script: step ids made from titles (`## 创建命名空间` → `创建命名空间`), and the check that an id is one.

/** A kebab-case slug of a heading: letters and digits of any script, lowercased, other runs become `-`; Latin accents dropped. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Recompose what NFKD took apart in other scripts (Hangul syllables, Indic vowel signs).
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether a text is kebab-case: words of lowercase (or caseless) letters and digits, any script, joined by single hyphens. */
export function isKebabCase(text: string): boolean {
  return /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*)*$/u.test(text);
}

/** A heading's explicit id: `创建命名空间 {#create-namespaces}` → the title without it, the id, and where `{#` starts. */
export function splitHeadingId(text: string): { readonly title: string; readonly id: string | undefined; readonly at: number } {
  const match = /\s*\{#([^}]*)\}\s*$/u.exec(text);
  if (match === null) return { title: text.trim(), id: undefined, at: -1 };
  return { title: text.slice(0, match.index).trim(), id: match[1] ?? '', at: text.indexOf('{#', match.index) };
}
