import { describe, expect, it } from 'vitest';
import { keyFromLabel } from './CustomFieldsPage';

describe('custom field keys', () => {
  it('derives an API key from the label', () => {
    expect(keyFromLabel('Miscela preferita')).toBe('miscela_preferita');
    expect(keyFromLabel('Café: ¿tostado?')).toBe('cafe_tostado');
    expect(keyFromLabel('2025 budget')).toBe('f_2025_budget');
    expect(keyFromLabel('')).toBe('');
  });
});
