// Just enough IPv4 arithmetic to tell which bridge's subnet a NAT rule serves.

/** `172.17.0.2` → a 32-bit number, or undefined when it is not dotted-quad IPv4. */
function ipv4(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

/** Whether `addr` (an address, `addr:port` or CIDR) lies inside the network of `cidr`. */
export function inSubnet(cidr: string, addr: string): boolean {
  const [net, bits] = cidr.split('/');
  const base = ipv4(net ?? '');
  const ip = ipv4(addr.split(/[/:]/)[0] ?? '');
  const len = Number(bits ?? 32);
  if (base === undefined || ip === undefined) return false;
  const size = 2 ** (32 - len);
  return Math.floor(base / size) === Math.floor(ip / size);
}
