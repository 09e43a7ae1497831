// The SVG building blocks: escaping, cutting and wrapping to a width, the box that refuses to overflow.
import { describe, expect, it } from 'vitest';
import { charsThatFit, Column, escapeXml, svgDocument, truncate, wrap } from './svg';

describe('escapeXml', () => {
  it('escapes markup and drops control characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
});

describe('truncate and wrap', () => {
  it('cuts a long label with an ellipsis, within the limit', () => {
    expect(truncate('Premium B2B customers in Lombardy', 12)).toBe('Premium B2B…');
    expect([...truncate('Premium B2B customers in Lombardy', 12)].length).toBeLessThanOrEqual(12);
    expect(truncate('short', 12)).toBe('short');
  });
  it('wraps between words, splits an overlong word, and marks what the last line leaves out', () => {
    expect(wrap('one two three four', 9, 5)).toEqual(['one two', 'three', 'four']);
    expect(wrap('Donaudampfschifffahrt', 8, 5)).toEqual(['Donaudam', 'pfschiff', 'fahrt']);
    const cut = wrap('one two three four five six', 9, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1].endsWith('…')).toBe(true);
    for (const l of cut) expect([...l].length).toBeLessThanOrEqual(9);
  });
});

describe('Column', () => {
  it('draws lines until its bottom and no further', () => {
    const column = new Column(0, 0, 200, 50);
    let drawn = 0;
    for (let i = 0; i < 10; i += 1) if (column.line(`line ${i}`, { size: 10 })) drawn += 1;
    expect(drawn).toBe(3); // 13 px a line, 50 px tall
    expect(column.parts).toHaveLength(3);
  });
  it('keeps a pair on one line: the value whole, the label cut to the room left', () => {
    const column = new Column(0, 0, 100, 100);
    column.pair('A very long label that cannot fit beside its value', '12,345', { size: 10 });
    const label = /<text[^>]*>([^<]*)<\/text>/.exec(column.parts[0])![1];
    expect(label.endsWith('…')).toBe(true);
    expect([...label].length).toBeLessThanOrEqual(charsThatFit(100, 10));
    expect(column.parts[1]).toContain('text-anchor="end"');
    expect(column.parts[1]).toContain('>12,345<');
  });
});

describe('svgDocument', () => {
  it('is a standalone SVG document with its namespace and an escaped title', () => {
    const svg = svgDocument(100, 50, 'A & B', []);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 100 50');
    expect(doc.getElementsByTagName('title')[0].textContent).toBe('A & B');
  });
});
