import { describe, expect, it } from 'vitest';
import { formatHops, parseHops } from './sshHops';

describe('jump host lists', () => {
  it('parses user, host, port and bracketed IPv6 as ssh -J writes them', () => {
    expect(parseHops(' a@h1:2222 , h2,[::1]:2200, b@[fe80::1] ')).toEqual([
      { host: 'h1', port: 2222, user: 'a' },
      { host: 'h2', port: 22 },
      { host: '::1', port: 2200 },
      { host: 'fe80::1', port: 22, user: 'b' },
    ]);
    expect(parseHops('  ,  ')).toEqual([]);
  });
  it('formats what it parses back, leaving out the default port', () => {
    const text = 'a@h1:2222, h2, [::1]:2200';
    expect(formatHops(parseHops(text))).toBe(text);
  });
});
