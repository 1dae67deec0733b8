// A strict little XML reader for the JUnit tests: rejects anything not well formed, returns the element tree.

export interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TEXT = /^(?:[^<&\u0000-\u0008\u000B\u000C\u000E-\u001F]|&(?:amp|lt|gt|quot|apos|#\d+);)*$/;
const NAME = '[A-Za-z_][\\w.-]*';
const ATTR = new RegExp(`\\s+(${NAME})="([^"<]*)"`, 'gy');

/** Replace the five entities and numeric references. */
function decode(text: string): string {
  return text.replace(/&(#\d+|\w+);/g, (_, e: string) => (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!));
}

/** Parse a document with an XML declaration and one root element; throws on anything malformed. */
export function parseXml(doc: string): XmlElement {
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(doc);
  if (!decl) throw new Error('missing XML declaration');
  let pos = decl[0].length;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (pos < doc.length) {
    const lt = doc.indexOf('<', pos);
    const text = doc.slice(pos, lt === -1 ? doc.length : lt);
    if (!TEXT.test(text)) throw new Error(`bad text at ${pos}: ${JSON.stringify(text.slice(0, 40))}`);
    stack.at(-1)!.text += decode(text);
    if (lt === -1) break;
    const close = new RegExp(`</(${NAME})>`, 'y');
    close.lastIndex = lt;
    const closing = close.exec(doc);
    if (closing) {
      const open = stack.pop();
      if (open?.name !== closing[1]) throw new Error(`</${closing[1]}> closes <${open?.name}>`);
      pos = close.lastIndex;
      continue;
    }
    const start = new RegExp(`<(${NAME})`, 'y');
    start.lastIndex = lt;
    const opening = start.exec(doc);
    if (!opening) throw new Error(`bad markup at ${lt}: ${JSON.stringify(doc.slice(lt, lt + 40))}`);
    const element: XmlElement = { name: opening[1]!, attrs: {}, children: [], text: '' };
    ATTR.lastIndex = start.lastIndex;
    let at = start.lastIndex;
    for (let m = ATTR.exec(doc); m; m = ATTR.exec(doc)) {
      if (!TEXT.test(m[2]!)) throw new Error(`bad attribute value ${m[1]}="${m[2]}"`);
      if (m[1]! in element.attrs) throw new Error(`duplicate attribute ${m[1]}`);
      element.attrs[m[1]!] = decode(m[2]!);
      at = ATTR.lastIndex;
    }
    const end = /\s*(\/?)>/y;
    end.lastIndex = at;
    const ended = end.exec(doc);
    if (!ended) throw new Error(`unterminated tag <${element.name}> at ${lt}`);
    stack.at(-1)!.children.push(element);
    if (ended[1] !== '/') stack.push(element);
    pos = end.lastIndex;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)!.name}>`);
  if (root.children.length !== 1) throw new Error('a document needs exactly one root element');
  return root.children[0]!;
}
