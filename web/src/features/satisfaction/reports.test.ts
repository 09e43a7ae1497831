import { describe, expect, it } from 'vitest';
import { barFractions, durationParts, linePoints, npsBand, npsPoints, periodOf, share } from './reports';

describe('periodOf', () => {
  it('ends now and starts the given days before', () => {
    expect(periodOf(7, 1_000_000_000_000)).toEqual({ from: 1_000_000_000_000 - 7 * 86_400_000, to: 1_000_000_000_000 });
  });
});

describe('barFractions', () => {
  it('scales to the largest value', () => {
    expect(barFractions([2, 4, 1])).toEqual([0.5, 1, 0.25]);
  });
  it('is all zero when there is nothing to show', () => {
    expect(barFractions([0, 0])).toEqual([0, 0]);
    expect(barFractions([])).toEqual([]);
  });
});

describe('linePoints', () => {
  it('spreads the points across the width and puts the largest at the top', () => {
    expect(linePoints([0, 5, 10], 100, 50)).toBe('0,50 50,25 100,0');
  });
  it('draws a flat line at the bottom for zeros, and nothing for no values', () => {
    expect(linePoints([0, 0], 10, 10)).toBe('0,10 10,10');
    expect(linePoints([], 10, 10)).toBe('');
  });
});

describe('npsPoints', () => {
  it('maps -100..100 onto the height, clamping what is outside', () => {
    expect(npsPoints([-100, 0, 100], 20, 40)).toBe('0,40 10,20 20,0');
    expect(npsPoints([150], 20, 40)).toBe('0,0');
  });
});

describe('durationParts', () => {
  it('uses minutes, then hours, then days', () => {
    expect(durationParts(25 * 60_000)).toEqual({ unit: 'minutes', value: 25 });
    expect(durationParts(3 * 3_600_000)).toEqual({ unit: 'hours', value: 3 });
    expect(durationParts(72 * 3_600_000)).toEqual({ unit: 'days', value: 3 });
  });
});

describe('npsBand', () => {
  it('names the band of a score', () => {
    expect(npsBand(null)).toBe('none');
    expect(npsBand(60)).toBe('excellent');
    expect(npsBand(10)).toBe('good');
    expect(npsBand(0)).toBe('neutral');
    expect(npsBand(-20)).toBe('critical');
  });
});

describe('share', () => {
  it('is a whole percentage, 0 of nothing', () => {
    expect(share(1, 3)).toBe(33);
    expect(share(0, 0)).toBe(0);
  });
});
