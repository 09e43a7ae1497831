// Counts in the interface language, counted strings (i18next plurals) and phones for display.
import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flatten, loadLanguages } from '../../scripts/i18n-keys.mjs';
import { countOptions, formatNumber } from './format';
import { formatPhone, localeRegion, phoneRegion } from './phone';
import { LANGUAGES } from './index';

const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const languages = loadLanguages(srcDir);

describe('counts', () => {
  it('have the thousands separator of the language', () => {
    expect(formatNumber(3010, 'en')).toBe('3,010');
    expect(formatNumber(3010, 'it')).toBe('3.010');
    expect(formatNumber(3010, 'pt')).toBe('3.010');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'it')).toBe('1.234.567');
    expect(formatNumber(7, 'es')).toBe('7');
  });

  it('give i18next the number to choose the plural and the number as written', () => {
    expect(countOptions(3010, 'en')).toEqual({ count: 3010, n: '3,010' });
    expect(countOptions(3010, 'it')).toEqual({ count: 3010, n: '3.010' });
    expect(countOptions(1, 'pt')).toEqual({ count: 1, n: '1' });
  });
});

describe('plurals', () => {
  const t = async (lng: string) => {
    const i18n = createInstance();
    await i18n.init({
      lng,
      fallbackLng: 'en',
      resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: languages[l] }])),
      interpolation: { escapeValue: false },
    });
    return i18n.t.bind(i18n);
  };

  it('say "1 row" and "3,010 rows", never "row(s)", in every language', async () => {
    const want = {
      en: ['1 row cannot', '3,010 rows cannot'],
      it: ['1 riga non può', '3.010 righe non possono'],
      es: ['1 fila no se puede', '3.010 filas no se pueden'],
      pt: ['1 linha não pode', '3.010 linhas não podem'],
    };
    for (const lng of LANGUAGES) {
      const tr = await t(lng);
      expect(tr('imports.badRows', countOptions(1, lng))).toContain(want[lng][0]);
      expect(tr('imports.badRows', countOptions(3010, lng))).toContain(want[lng][1]);
    }
  });

  it('pick the form for the scan and the filter in English and Italian', async () => {
    const en = await t('en');
    expect(en('duplicates.scanned', countOptions(3010, 'en'))).toBe('Scanned 3,010 records.');
    expect(en('duplicates.scanned', countOptions(1, 'en'))).toBe('Scanned 1 record.');
    expect(en('filters.active', countOptions(1, 'en'))).toBe('Filtered by 1 condition.');
    const it_ = await t('it');
    expect(it_('duplicates.scanned', countOptions(3010, 'it'))).toBe('Esaminate 3.010 schede.');
    expect(it_('filters.active', countOptions(2, 'it'))).toBe('Filtrato con 2 condizioni.');
  });

  it('leave no lazy plural ("(s)", "(es)", "/i", "/e") in any language file', () => {
    for (const lng of LANGUAGES) {
      const lazy = Object.entries(flatten(languages[lng])).filter(([, v]) =>
        /\w\((s|es|ões|i|e|a|as|os)\)|\p{L}\/(i|e|a|as|os|es)\b/u.test(String(v)),
      );
      expect(lazy, `${lng}: ${lazy.map(([k]) => k).join(', ')}`).toEqual([]);
    }
  });
});

describe('phones for display', () => {
  it('take the region from the language’s locale', () => {
    expect(localeRegion('en-GB')).toBe('GB');
    expect(localeRegion('pt-BR')).toBe('BR');
    expect(phoneRegion('it')).toBe('IT');
    expect(phoneRegion('es')).toBe('ES');
  });

  it('are national in the user’s own country, international with spaces elsewhere', () => {
    expect(formatPhone('+390212345678', 'it')).toBe('02 1234 5678');
    expect(formatPhone('+393331234567', 'it')).toBe('333 123 4567');
    expect(formatPhone('+390212345678', 'en')).toBe('+39 02 1234 5678');
    expect(formatPhone('+390212345678', 'es')).toBe('+39 02 1234 5678');
    expect(formatPhone('+34912345678', 'es')).toBe('912 34 56 78');
    expect(formatPhone('+442079460000', 'en')).toBe('020 7946 0000');
    expect(formatPhone('+5511987654321', 'pt')).toBe('(11) 98765-4321');
  });

  it('show what cannot be read as it is', () => {
    expect(formatPhone('call the switchboard', 'it')).toBe('call the switchboard');
    expect(formatPhone('12', 'en')).toBe('12');
    expect(formatPhone('', 'en')).toBe('');
  });
});
