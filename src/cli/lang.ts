// The language of this run: `--lang`, else the locale variables; every command asks here, so the choice is made one way.

import { usageError } from '../errors.ts';
import { chooseLang, translator, type Translator } from '../i18n/index.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The translator for `--lang` (undefined when not given) and the environment; an unknown `--lang` is a usage error. */
export function cliTranslator(option: string | undefined, env: Env): Translator {
  const chosen = chooseLang(option, env);
  if ('error' in chosen) throw usageError(chosen.error, 'Leave --lang out to follow LANG, or write --lang en.');
  return translator(chosen.lang);
}
