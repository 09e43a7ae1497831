// The exports' file names and the JSON as written.
import { describe, expect, it } from 'vitest';
import { exportFilename, isoDay, jsonText } from './download';

describe('exportFilename', () => {
  it('names the period by its first and last day (the end is exclusive)', () => {
    const from = Date.UTC(2026, 8, 9);
    const to = Date.UTC(2026, 11, 8);
    expect(exportFilename('crm-canvas', { from, to }, 'json')).toBe('crm-canvas_2026-09-09_2026-12-07.json');
    expect(exportFilename('Customer relationships!', { from, to: from + 1 }, 'svg')).toBe(
      'Customer-relationships_2026-09-09_2026-09-09.svg',
    );
    expect(isoDay(0)).toBe('1970-01-01');
  });
  it('writes the answer pretty-printed, as served', () => {
    const data = { from: 1, to: 2, blocks: { customer: { figures: {} } } };
    expect(jsonText(data)).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(JSON.parse(jsonText(data))).toEqual(data);
  });
});
