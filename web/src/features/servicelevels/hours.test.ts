import { describe, expect, it } from 'vitest';
import {
  closingMidnight,
  completeHours,
  emptyHours,
  groupDays,
  officeHours,
  summariseHours,
  targetText,
  targetValue,
  timeZones,
  zonedWallTimeToUtc,
} from './hours';

const short = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);

describe('weekly hours', () => {
  it('summarises runs of days with the same intervals', () => {
    expect(summariseHours(officeHours(), short)).toBe('Mon–Fri 09:00–13:00, 14:00–18:00');
    const h = officeHours();
    h.wed = [{ start: '09:00', end: '13:00' }];
    h.sat = [{ start: '10:00', end: '12:00' }];
    expect(summariseHours(h, short)).toBe(
      'Mon–Tue 09:00–13:00, 14:00–18:00; Wed 09:00–13:00; Thu–Fri 09:00–13:00, 14:00–18:00; Sat 10:00–12:00',
    );
  });

  it('does not join days across a closed day', () => {
    const h = emptyHours();
    h.mon = [{ start: '09:00', end: '17:00' }];
    h.wed = [{ start: '09:00', end: '17:00' }];
    expect(groupDays(h).map((g) => [g.from, g.to])).toEqual([
      ['mon', 'mon'],
      ['wed', 'wed'],
    ]);
    expect(summariseHours(emptyHours(), short)).toBe('');
  });

  it('fills in the days the server left out', () => {
    const h = completeHours({ sat: [{ start: '10:00', end: '24:00' }] });
    expect(Object.keys(h)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(h.mon).toEqual([]);
    expect(h.sat).toEqual([{ start: '10:00', end: '24:00' }]);
  });
});

describe('closing at midnight', () => {
  it('sends a closing time of 00:00 as 24:00 and leaves the rest', () => {
    const h = officeHours();
    h.sat = [{ start: '18:00', end: '00:00' }];
    const sent = closingMidnight(h);
    expect(sent.sat).toEqual([{ start: '18:00', end: '24:00' }]);
    expect(sent.mon).toEqual(officeHours().mon);
    expect(h.sat[0].end).toBe('00:00');
  });
});

describe('time zones', () => {
  it('puts UTC first, sorts the rest and keeps the current one', () => {
    expect(timeZones('Mars/Base', () => ['Europe/Rome', 'UTC', 'America/New_York'])).toEqual([
      'UTC',
      'America/New_York',
      'Europe/Rome',
      'Mars/Base',
    ]);
  });

  it('falls back to a short list when the browser lists none', () => {
    const zones = timeZones(undefined, () => {
      throw new Error('unsupported');
    });
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Rome');
  });
});

describe('targets', () => {
  it('reads empty as no target and numbers as numbers', () => {
    expect(targetValue('')).toBeNull();
    expect(targetValue('  ')).toBeNull();
    expect(targetValue('240')).toBe(240);
    expect(targetValue('-5')).toBe(-5);
    expect(targetValue('4h')).toBe('4h');
    expect(targetText(null)).toBe('');
    expect(targetText(30)).toBe('30');
  });
});

describe('wall times in a zone', () => {
  it('turns a local wall time into the instant, across DST', () => {
    // Rome is UTC+1 in January and UTC+2 in July.
    expect(zonedWallTimeToUtc('2026-01-12T10:00', 'Europe/Rome')).toBe(Date.UTC(2026, 0, 12, 9, 0));
    expect(zonedWallTimeToUtc('2026-07-13T10:00', 'Europe/Rome')).toBe(Date.UTC(2026, 6, 13, 8, 0));
    expect(zonedWallTimeToUtc('2026-01-12T10:00', 'UTC')).toBe(Date.UTC(2026, 0, 12, 10, 0));
    expect(zonedWallTimeToUtc('2026-03-09T10:00', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 14, 0));
    expect(zonedWallTimeToUtc('not a time', 'UTC')).toBeNull();
  });
});
