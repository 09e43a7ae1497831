import { describe, expect, it } from 'vitest';
import { daysSince, parseQuietDays } from './deskModel';

describe('parseQuietDays', () => {
  it('accepts the offered choices and falls back to 30', () => {
    expect(parseQuietDays('7')).toBe(7);
    expect(parseQuietDays('90')).toBe(90);
    expect(parseQuietDays('31')).toBe(30);
    expect(parseQuietDays('')).toBe(30);
    expect(parseQuietDays(null)).toBe(30);
    expect(parseQuietDays('abc')).toBe(30);
  });
});

describe('daysSince', () => {
  it('counts whole days and never goes negative', () => {
    const now = 10 * 86_400_000;
    expect(daysSince(now - 86_400_000 * 3 - 5, now)).toBe(3);
    expect(daysSince(now - 1000, now)).toBe(0);
    expect(daysSince(now + 86_400_000, now)).toBe(0);
  });
});
