// The shape of a message catalogue and the translator that fills a message's {placeholders}; pure, no IO.

/** A message whose wording depends on a count: `one` for 1 in English, `other` for the rest (and for every count in Chinese). */
export interface Plural {
  readonly one?: string;
  readonly other: string;
}

/** One message: a template with `{name}` placeholders, or its plural forms (chosen by the `count` parameter). */
export type Message = string | Plural;

/** The placeholder names of a template, as a union: `'{a} of {b}'` → `'a' | 'b'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a message needs: one per placeholder; a plural message also needs `count`. */
export type ParamsOf<M> = M extends Plural
  ? { readonly [K in Placeholders<M['other']> | 'count']: K extends 'count' ? number : string | number }
  : M extends string
    ? { readonly [K in Placeholders<M>]: string | number }
    : never;

/** A catalogue: message keys (`domain.what`) to messages. */
export type Catalogue = Readonly<Record<string, Message>>;

/** A translation of catalogue C: every key of C, each a template or plural forms (placeholders checked by test/unit/i18n). */
export type TranslationOf<C extends Catalogue> = { readonly [K in keyof C]: C[K] extends Plural ? Plural : string };

/** The arguments after the key: none when the message has no placeholder, else its values. */
export type ArgsOf<M> = [keyof ParamsOf<M>] extends [never] ? [] : [params: ParamsOf<M>];

/** Fill a template's `{name}` placeholders; an unknown placeholder is left as written, so a slip shows instead of vanishing. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholder names in a template, sorted: how the catalogue test compares two languages. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** Pick the plural form for a count in a language (Intl.PluralRules), falling back to `other`. */
export function pluralForm(message: Plural, count: number, lang: string): string {
  const rule = new Intl.PluralRules(lang).select(count);
  return (rule === 'one' ? message.one : undefined) ?? message.other;
}
