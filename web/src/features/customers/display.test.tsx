// Emails and web addresses wrap only at their break points; phones are shown formatted.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import i18next from 'i18next';
import { loadResources } from '../../i18n';
import { breakPoints, Breakable, optionLabel } from './display';

describe('break points of emails and addresses', () => {
  it('fall after "@" and "/" and before ".", never inside a word', () => {
    expect(breakPoints('maria.giovanna.rossi@torrefazione-esempio.it')).toEqual([
      'maria',
      '.giovanna',
      '.rossi@',
      'torrefazione-esempio',
      '.it',
    ]);
    expect(breakPoints('www.example.com/a/b')).toEqual(['www', '.example', '.com/', 'a/', 'b']);
    expect(breakPoints('plain')).toEqual(['plain']);
  });

  it('put a <wbr> at each, keeping the text whole', () => {
    const { container } = render(<Breakable text="ab@cd.it" />);
    expect(container.textContent).toBe('ab@cd.it');
    expect(container.querySelectorAll('wbr')).toHaveLength(2);
    expect(container.innerHTML).toMatch(/ab@<\/span><span><wbr>cd<\/span><span><wbr>\.it/);
  });
});

describe('coded values', () => {
  it('names an industry code in the reader’s language and shows older free text as written', async () => {
    const t = i18next.createInstance();
    await t.init({
      lng: 'pt',
      resources: { pt: { translation: await loadResources('pt') }, it: { translation: await loadResources('it') } },
    });
    expect(optionLabel('industry', 'manufacturing', t.getFixedT('pt'))).toBe('Indústria');
    expect(optionLabel('industry', 'Cantieri navali', t.getFixedT('pt'))).toBe('Cantieri navali');
    expect(optionLabel('industry', 'retail', t.getFixedT('it'))).toBe('Commercio al dettaglio');
  });
});
