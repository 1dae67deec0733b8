// Checks the addresses assertions name: IPv4/IPv6 addresses, CIDRs, ADDR:PORT.

import { isIP } from 'node:net';
import { english, type Translate } from '../i18n/index.ts';

/** Whether a text is an IPv4 or IPv6 address. */
export function isAddress(text: string): boolean {
  return isIP(text) !== 0;
}

/** A CIDR's parts, or why the text is not one. `needPrefix` refuses a bare address. */
export function checkCidr(text: string, needPrefix: boolean, t: Translate = english.t): { readonly error: string; readonly offset: number } | undefined {
  const slash = text.lastIndexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return { error: t('lint.address-bad', { text: address }), offset: 0 };
  if (slash < 0) {
    if (!needPrefix) return undefined;
    return { error: t('lint.address-no-prefix', { text, example: `${text}/${family === 4 ? 24 : 64}` }), offset: text.length };
  }
  const prefix = text.slice(slash + 1);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    return { error: t('lint.address-prefix', { prefix, family, max }), offset: slash };
  }
  return undefined;
}

/** For an IPv4 CIDR with host bits set, the network it belongs to (`10.0.0.1/24` → `10.0.0.0/24`). */
export function ipv4Network(cidr: string): string | undefined {
  const [address = '', prefixText = ''] = cidr.split('/');
  if (isIP(address) !== 4) return undefined;
  const prefix = Number(prefixText);
  const value = address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(value / size) * size;
  if (network === value) return undefined;
  const parts = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256);
  return `${parts.join('.')}/${prefix}`;
}

/** `ADDR:PORT` (IPv6 in brackets) split and checked; offsets are from the start of the text. */
export function splitHostPort(text: string, t: Translate = english.t): { readonly addr: string; readonly port: number } | { readonly error: string; readonly offset: number } {
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  let addr: string;
  let portText: string | undefined;
  let portOffset: number;
  if (bracketed !== null) {
    addr = bracketed[1] ?? '';
    portText = bracketed[2];
    portOffset = addr.length + 3;
  } else if (isIP(text) === 6) {
    return { error: t('lint.address-ipv6-port', { text, example: `[${text}]:80` }), offset: text.length };
  } else {
    const colon = text.lastIndexOf(':');
    if (colon >= 0 && text.indexOf(':') !== colon) {
      return { error: t('lint.address-ipv6-brackets', { example: `[${text.slice(0, colon)}]:${text.slice(colon + 1)}` }), offset: 0 };
    }
    addr = colon < 0 ? text : text.slice(0, colon);
    portText = colon < 0 ? undefined : text.slice(colon + 1);
    portOffset = colon + 1;
  }
  if (!isAddress(addr)) return { error: t('lint.address-bad', { text: addr }), offset: bracketed === null ? 0 : 1 };
  if (portText === undefined || portText === '') return { error: t('lint.address-no-port', { text }), offset: text.length };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535)) return { error: t('lint.address-port-range', { port: portText }), offset: portOffset };
  return { addr, port };
}
