// Fills `{name}` placeholders of knowledge texts; a template with a placeholder left unbound is skipped.

/** The placeholders a template uses, e.g. `["dev", "value"]`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-z][a-z0-9-]*)\}/gi)].map((m) => m[1] ?? '');
}

/** The template with every placeholder filled, or undefined when one is not bound. */
export function fill(template: string, binds: ReadonlyMap<string, string>): string | undefined {
  let missing = false;
  const text = template.replace(/\{([a-z][a-z0-9-]*)\}/gi, (_all, name: string) => {
    const value = binds.get(name);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

/** The first of the templates that can be filled completely. */
export function fillFirst(templates: string | readonly string[], binds: ReadonlyMap<string, string>): string | undefined {
  for (const template of typeof templates === 'string' ? [templates] : templates) {
    const text = fill(template, binds);
    if (text !== undefined) return text;
  }
  return undefined;
}
