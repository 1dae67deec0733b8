import { describe, expect, it } from 'vitest';
import { locateFrontMatter, parseFrontMatter, splitFrontMatter } from '../../../src/lesson/front-matter.ts';

/** Parses front-matter YAML lines; returns fields and problems as `line:col message`. */
function read(yaml: string): { fields: unknown; problems: string[]; readable: boolean } {
  const result = parseFrontMatter(splitFrontMatter(`---\n${yaml}\n---\nbody\n`), 'f.md');
  return { fields: result.fields, problems: result.problems.map((p) => `${p.line}:${p.column} ${p.message}`), readable: result.readable };
}

describe('splitFrontMatter', () => {
  it('cuts the YAML off and says where the body starts', () => {
    expect(splitFrontMatter('---\na: 1\n---\n# T\n')).toEqual({ yaml: 'a: 1', yamlLine: 2, body: '# T\n', bodyOffset: 3, problem: undefined });
  });

  it('accepts "..." as the closing line', () => {
    expect(splitFrontMatter('---\na: 1\n...\nx').body).toBe('x');
  });

  it('says when the front matter is missing or never closed', () => {
    expect(splitFrontMatter('# T\n').problem).toMatch(/^missing front matter/);
    expect(splitFrontMatter('---\nformat: 1\n# T\n').problem).toBe('front matter opened here is never closed; end it with a line "---" before the lesson text');
  });
});

describe('parseFrontMatter', () => {
  it('reads every field', () => {
    expect(read('format: 1\nid: a-b\ntitle: A B\nsummary: S.\nrequires: [ip, ping]\nworld: none\ntimeout: 2m').fields).toEqual({
      format: 1, id: 'a-b', title: 'A B', summary: 'S.', requires: ['ip', 'ping'], world: 'none', timeoutMs: 120_000, lang: 'en', translatedFrom: undefined,
    });
  });

  it('fills defaults for what is left out', () => {
    expect(read('format: 1\nid: a').fields).toEqual({
      format: 1, id: 'a', title: undefined, summary: '', requires: [], world: 'internet', timeoutMs: 30_000, lang: 'en', translatedFrom: undefined,
    });
  });

  it('reads requires as a block list, and an empty requires as none', () => {
    expect(read('format: 1\nid: a\nrequires:\n  - ip\n  - nft').fields).toMatchObject({ requires: ['ip', 'nft'] });
    expect(read('format: 1\nid: a\nrequires:').fields).toMatchObject({ requires: [] });
  });

  it('reads durations in ms, s and m', () => {
    expect(read('format: 1\nid: a\ntimeout: 500ms').fields).toMatchObject({ timeoutMs: 500 });
    expect(read('format: 1\nid: a\ntimeout: 5s').fields).toMatchObject({ timeoutMs: 5000 });
  });

  it('reads lang as a BCP 47 tag in its canonical spelling, and a translation\'s fingerprint', () => {
    expect(read('format: 1\nid: a\nlang: zh-CN\ntranslated-from: 0123456789ab').fields).toMatchObject({ lang: 'zh-CN', translatedFrom: '0123456789ab' });
    expect(read('format: 1\nid: a\nlang: zh-cn').fields).toMatchObject({ lang: 'zh-CN' });
    expect(read('format: 1\nid: a\nlang: zh_CN').fields).toMatchObject({ lang: 'zh-CN' });
    expect(read('format: 1\nid: 创建命名空间').fields).toMatchObject({ id: '创建命名空间' });
  });

  it('refuses a lang that is no language tag, and a fingerprint of the wrong shape', () => {
    expect(read('format: 1\nid: a\nlang: chinese simplified\ntranslated-from: abc').problems).toEqual([
      '4:7 lang "chinese simplified" is not a language tag; write a BCP 47 language tag, e.g. "lang: zh-CN" (the default is "en")',
      '5:18 translated-from must be the 12-letter fingerprint `steplab lint` gives for the original, e.g. "translated-from: 3f9a0c21b7d4"',
    ]);
    expect(read('format: 1\nid: a\nlang: [zh]').problems).toEqual(['4:7 lang must be a language tag; write a BCP 47 language tag, e.g. "lang: zh-CN" (the default is "en")']);
  });

  it('requires format and id', () => {
    expect(read('title: Veth pairs').problems).toEqual([
      '1:1 missing "format: 1" in the front matter; add it as the first field',
      '1:1 missing "id" in the front matter; add a kebab-case id, e.g. "id: veth-pairs"',
    ]);
  });

  it('reports each bad value at its line and column', () => {
    expect(read('format: 2\nid: Not Kebab\ntitle: [x]\nworld: internt\ntimeout: 30\nrequires: ip').problems).toEqual([
      '2:9 format 2 is not one this steplab reads; write "format: 1"',
      '3:5 id "Not Kebab" is not kebab-case (lowercase words joined by "-"); write e.g. "id: not-kebab"',
      '4:8 title must be one line of text',
      '5:8 world "internt" is not one steplab knows (did you mean "internet"?); write "world: internet" (the default) or "world: none"',
      '6:10 timeout 30 has no unit; write e.g. "timeout: 30s"',
      '7:11 requires must be a list of command names, e.g. "requires: [ip, ping]"',
    ]);
  });

  it('reports a bad requires item and a bad duration', () => {
    expect(read('format: 1\nid: a\nrequires: [ip, "two words"]\ntimeout: 0s').problems).toEqual([
      '4:11 requires: "two words" is not a command name; list bare names, e.g. [ip, ping]',
      '5:10 timeout: "0s" is no time at all; give a duration above zero, e.g. 5s',
    ]);
  });

  it('reports an unknown key at the key, naming the allowed keys with a guess', () => {
    expect(read('format: 1\nid: a\ntitel: x').problems).toEqual([
      '4:1 unknown front-matter field "titel" (did you mean "title"?); the fields are format, id, title, summary, lang, translated-from, requires, world, timeout',
    ]);
    expect(read('format: 1\nid: a\nauthor: me').problems).toEqual([
      '4:1 unknown front-matter field "author"; the fields are format, id, title, summary, lang, translated-from, requires, world, timeout',
    ]);
  });

  it('reports YAML that cannot be read at its line, and duplicate keys', () => {
    expect(read('format: 1\nid: [a').problems).toEqual(['3:7 front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
    expect(read('format: 1\nid: a\nid: b').problems).toEqual(['4:1 front matter is not valid YAML: Map keys must be unique']);
    expect(read('format: 1\nid: [a').readable).toBe(false);
  });

  it('refuses front matter that is not key: value lines', () => {
    expect(read('- a\n- b').problems[0]).toBe('2:1 front matter must be "key: value" lines, e.g. "id: veth-pairs"');
  });
});

describe('locateFrontMatter', () => {
  const text = '---\nformat: 1\nid:   spaced\nrequires:\n  - ip\n  - iptabels\n---\n';

  it('finds a value and a list item', () => {
    expect(locateFrontMatter(text, 'id')).toEqual({ line: 3, column: 7 });
    expect(locateFrontMatter(text, 'requires', 1)).toEqual({ line: 6, column: 5 });
  });

  it('gives undefined for a missing key or file without front matter', () => {
    expect(locateFrontMatter(text, 'title')).toBeUndefined();
    expect(locateFrontMatter('# T', 'id')).toBeUndefined();
  });
});
