// Which language to speak: `--lang`, else the locale variables (LC_ALL, LC_MESSAGES, LANG); English by default. Pure: the caller passes env.

/** The languages steplab has a catalogue for, as BCP 47 tags. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

type Env = Readonly<Record<string, string | undefined>>;

/** A BCP 47 tag or a POSIX locale name (`zh_CN.UTF-8`) → the language we speak for it, or undefined when we have none. */
export function langOf(name: string): Lang | undefined {
  const tag = name.trim().replace(/[.@].*$/, '').replaceAll('_', '-').toLowerCase();
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  // Simplified Chinese: zh, zh-CN, zh-SG, zh-Hans…; zh-TW and zh-HK write Traditional characters, which we do not have.
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) return 'zh-CN';
  return undefined;
}

/** The language the locale variables ask for, by POSIX precedence (the first one set wins); anything we lack → `en`. */
export function langFromEnv(env: Env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return (locale === undefined ? undefined : langOf(locale)) ?? 'en';
}

/** `--lang VALUE` (or undefined when not given), else the environment; an unknown `--lang` is an error message, not a guess. */
export function chooseLang(option: string | undefined, env: Env): { lang: Lang } | { error: string } {
  if (option === undefined) return { lang: langFromEnv(env) };
  const lang = langOf(option);
  return lang === undefined ? { error: `--lang takes ${LANGS.join(' or ')}, not "${option}"` } : { lang };
}
