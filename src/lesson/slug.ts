// Kebab-case slugs: step ids made from titles, and the check that a lesson id is one.

/** A kebab-case slug of a heading: `Connect the *bridge* (br0)!` → `connect-the-bridge-br0`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether a text is kebab-case: lowercase letters and digits in words joined by single hyphens. */
export function isKebabCase(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text);
}
