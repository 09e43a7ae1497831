// Emails and web addresses wrap only at their break points; phones are shown formatted.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { breakPoints, Breakable } from './display';

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
