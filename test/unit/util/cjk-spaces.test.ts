import { describe, expect, it } from 'vitest';
import { tidyCjkSpaces } from '../../../src/util/cjk-spaces.ts';

describe('tidyCjkSpaces', () => {
  it('drops a space between two Chinese characters or full-width punctuation, and keeps the rest', () => {
    expect(tidyCjkSpaces('放行 流量（从 docker0 进来） 转到链 DOCKER')).toBe('放行流量（从 docker0 进来）转到链 DOCKER');
    expect(tidyCjkSpaces('实验主机 没有 默认路由')).toBe('实验主机没有默认路由');
    expect(tidyCjkSpaces('c1 没有 eth0 上的地址')).toBe('c1 没有 eth0 上的地址');
  });

  it('leaves English as it is', () => {
    const english = 'masquerade 172.17.0.0/16  unless it leaves by docker0 — (up)';
    expect(tidyCjkSpaces(english)).toBe(english);
  });
});
