import ipaddr from 'ipaddr.js';

/** An address range as the blacklist stores it: both ends in one family, as numbers for comparing. */
export interface IpRange {
  family: 4 | 6;
  start: bigint;
  end: bigint;
}

/** An address in canonical form and as a number; IPv4-mapped IPv6 (::ffff:1.2.3.4) counts as IPv4. */
export interface ParsedIp {
  family: 4 | 6;
  text: string;
  value: bigint;
}

export function parseIp(text: string): ParsedIp | null {
  if (!ipaddr.isValid(text.trim())) return null;
  const address = ipaddr.process(text.trim());
  const value = address.toByteArray().reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
  return { family: address.kind() === 'ipv4' ? 4 : 6, text: address.toString(), value };
}

/** How many addresses a range holds (an IPv6 range may hold more than a JS number can say exactly). */
export function addressCount(range: IpRange): bigint {
  return range.end - range.start + 1n;
}

export function rangeContains(range: IpRange, ip: ParsedIp): boolean {
  return range.family === ip.family && range.start <= ip.value && ip.value <= range.end;
}
