import { addressCount, parseIp, rangeContains, type IpRange } from './ip-range';

const ip = (text: string) => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`bad test address ${text}`);
  return parsed;
};

const range = (start: string, end: string): IpRange => {
  const [a, b] = [parseIp(start), parseIp(end)];
  if (!a || !b) throw new Error('bad test address');
  return { family: a.family, start: a.value, end: b.value };
};

describe('ip ranges', () => {
  it('parses IPv4 and IPv6 to canonical text, and IPv4-mapped IPv6 as IPv4', () => {
    expect(parseIp(' 10.0.0.1 ')).toMatchObject({ family: 4, text: '10.0.0.1', value: 0x0a000001n });
    expect(parseIp('2001:DB8:0:0::1')).toMatchObject({ family: 6, text: '2001:db8::1' });
    expect(parseIp('::ffff:192.168.1.2')).toMatchObject({ family: 4, text: '192.168.1.2' });
    expect(parseIp('10.0.0.256')).toBeNull();
    expect(parseIp('not an address')).toBeNull();
  });

  it('counts addresses, beyond what a JS number holds for IPv6', () => {
    expect(addressCount(range('10.0.0.1', '10.0.0.1'))).toBe(1n);
    expect(addressCount(range('10.0.0.0', '10.0.255.255'))).toBe(65536n);
    expect(addressCount(range('2001:db8::', '2001:db8::ffff:ffff:ffff:ffff'))).toBe(2n ** 64n);
  });

  it('contains its ends and nothing past them, and never an address of the other family', () => {
    const r = range('192.168.1.10', '192.168.1.20');
    expect(['192.168.1.10', '192.168.1.15', '192.168.1.20', '::ffff:192.168.1.20'].map((a) => rangeContains(r, ip(a)))).toEqual([true, true, true, true]);
    expect(['192.168.1.9', '192.168.1.21', '::c0a8:10f'].map((a) => rangeContains(r, ip(a)))).toEqual([false, false, false]);
  });
});
