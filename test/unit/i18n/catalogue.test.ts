import { describe, expect, it } from 'vitest';
import { fill, placeholdersIn, type Message } from '../../../src/i18n/catalogue.ts';
import { en } from '../../../src/i18n/en.ts';
import { zhCN } from '../../../src/i18n/zh-CN.ts';
import { chooseLang, english, langFromEnv, translator } from '../../../src/i18n/index.ts';

const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : [m.other, ...(m.one === undefined ? [] : [m.one])]);
const other = (m: Message): string => (typeof m === 'string' ? m : m.other);

describe('the catalogues', () => {
  const catalogues = { en, 'zh-CN': zhCN } as const;

  it('hold the same keys in every language', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  for (const [key, message] of Object.entries(en)) {
    it(`${key}: the same placeholders in every language, and the same kind (plain or plural)`, () => {
      const expected = placeholdersIn(other(message));
      for (const [lang, catalogue] of Object.entries(catalogues)) {
        const translated = (catalogue as Record<string, Message>)[key];
        expect(translated, `${lang} lacks ${key}`).toBeDefined();
        if (translated === undefined) continue;
        expect(typeof translated, `${lang} ${key}: plain or plural like English`).toBe(typeof message);
        expect(placeholdersIn(other(translated)), `${lang} ${key}`).toEqual(expected);
        // A `one` form may leave out {count} ("the one hint") but may not invent a placeholder.
        for (const form of forms(translated)) expect(expected.concat('count')).toEqual(expect.arrayContaining(placeholdersIn(form)));
      }
    });
  }

  it('leave no braces that are not placeholders (they would be read as one)', () => {
    for (const catalogue of Object.values(catalogues)) {
      for (const message of Object.values(catalogue as Record<string, Message>)) {
        for (const form of forms(message)) expect(form.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/g, '')).not.toMatch(/[{}]/);
      }
    }
  });

  it('are translated: a Chinese message differs from the English one unless it has no words', () => {
    const same = Object.keys(en).filter((key) => {
      const message = other((en as Record<string, Message>)[key] ?? '');
      return /[a-z]{3}/.test(fill(message, {})) && message === other((zhCN as Record<string, Message>)[key] ?? '');
    });
    expect(same).toEqual([]);
  });
});

describe('t', () => {
  it('fills placeholders and picks the plural form by the language', () => {
    expect(english.t('menu.step', { number: 2, total: 5, title: 'Make a bridge' })).toBe('Step 2/5: Make a bridge');
    expect(english.t('menu.blocks', { count: 1 })).toBe('1 block');
    expect(english.t('menu.blocks', { count: 3 })).toBe('3 blocks');
    const zh = translator('zh-CN');
    expect(zh.t('menu.blocks', { count: 1 })).toBe('1 个代码块');
    expect(zh.t('menu.step', { number: 2, total: 5, title: '创建网桥' })).toBe('第 2/5 步：创建网桥');
  });

  it('leaves an unknown placeholder as written', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('choosing the language', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'C' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.utf8' })).toBe('zh-CN');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: '' })).toBe('zh-CN');
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
  });

  it('prefers --lang, and refuses one it does not have', () => {
    expect(chooseLang('zh-CN', { LANG: 'en_US.UTF-8' })).toEqual({ lang: 'zh-CN' });
    expect(chooseLang('en', { LANG: 'zh_CN.UTF-8' })).toEqual({ lang: 'en' });
    expect(chooseLang(undefined, { LANG: 'zh_CN.UTF-8' })).toEqual({ lang: 'zh-CN' });
    expect(chooseLang('fr', {})).toEqual({ error: '--lang takes en or zh-CN, not "fr"' });
  });
});
