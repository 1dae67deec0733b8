// The translator: a language and `t(key, params)`, which fills that language's message (English when it lacks one).

import { fill, pluralForm, type ArgsOf, type Catalogue, type Message } from './catalogue.ts';
import { en, type Messages } from './en.ts';
import type { Lang } from './lang.ts';
import { zhCN } from './zh-CN.ts';

export type { Lang } from './lang.ts';
export { LANGS, chooseLang, langFromEnv, langOf } from './lang.ts';
export type { Messages } from './en.ts';

/** A message key: `domain.what`, e.g. `picker.title`. */
export type MessageKey = keyof Messages;

/** Look up and fill one message; the key and its parameters are checked against the English catalogue. */
export type Translate = <K extends MessageKey>(key: K, ...args: ArgsOf<Messages[K]>) => string;

/** What a layer needs to speak a language: the language (for plural rules and picking translated lessons) and `t`. */
export interface Translator {
  readonly lang: Lang;
  readonly t: Translate;
}

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, 'zh-CN': zhCN };

const TRANSLATORS = new Map<Lang, Translator>();

/** The translator for a language (one per language, so `t === english.t` tells English). `t` is a plain function, so it may be passed on alone. */
export function translator(lang: Lang): Translator {
  const made = TRANSLATORS.get(lang);
  if (made !== undefined) return made;
  const catalogue = CATALOGUES[lang];
  const t = ((key: MessageKey, params?: Readonly<Record<string, string | number>>): string => {
    const message: Message = catalogue[key] ?? en[key];
    const template = typeof message === 'string' ? message : pluralForm(message, Number(params?.count ?? 0), lang);
    return fill(template, params);
  }) as Translate;
  const fresh = { lang, t };
  TRANSLATORS.set(lang, fresh);
  return fresh;
}

/** The language of a `t` that translator() made, or undefined for any other function. */
export function langOfTranslate(t: Translate): Lang | undefined {
  for (const [lang, made] of TRANSLATORS) if (made.t === t) return lang;
  return undefined;
}

/** English: the default of every layer that takes a translator. */
export const english: Translator = translator('en');
