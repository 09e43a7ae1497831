// DOM-free building blocks of the canvas exports: escaped text, lines that fit a width, boxes.
// Widths are estimated from the font size (a sans-serif glyph averages 0.56 em, 0.6 em in
// bold), so a label that would not fit is wrapped or cut with an ellipsis, never drawn outside
// its box.

export type Translate = (key: string, options?: Record<string, unknown>) => string;

const AVERAGE_EM = 0.56;
const BOLD_EM = 0.6;

/** Text safe inside an SVG element or attribute (also drops the control characters XML forbids). */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** How many characters of this size fit in `width` pixels. */
export function charsThatFit(width: number, fontSize: number, bold = false): number {
  return Math.max(1, Math.floor(width / (fontSize * (bold ? BOLD_EM : AVERAGE_EM))));
}

/** The estimated width of a text in pixels. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return [...text].length * fontSize * (bold ? BOLD_EM : AVERAGE_EM);
}

/** The text cut to at most `max` characters, an ellipsis marking the cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * The text in lines of at most `max` characters, broken between words (a word longer than a line
 * is split), at most `maxLines` lines: the last one ends with an ellipsis if the text goes on.
 */
export function wrap(text: string, max: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line) lines.push(line);
    line = '';
  };
  for (let word of words) {
    while ([...word].length > max) {
      push();
      const chars = [...word];
      lines.push(chars.slice(0, max).join(''));
      word = chars.slice(max).join('');
    }
    if (!line) line = word;
    else if ([...line].length + 1 + [...word].length <= max) line = `${line} ${word}`;
    else {
      push();
      line = word;
    }
  }
  push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = [...kept[kept.length - 1]];
  kept[kept.length - 1] =
    last.length < max
      ? `${last.join('')}…`
      : `${last
          .slice(0, max - 1)
          .join('')
          .trimEnd()}…`;
  return kept;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'end' | 'middle';
  italic?: boolean;
}

/** One <text> element; the text is escaped here. */
export function text(x: number, y: number, content: string, style: TextStyle): string {
  const attrs = [`x="${round(x)}"`, `y="${round(y)}"`, `font-size="${style.size}"`];
  if (style.bold) attrs.push('font-weight="bold"');
  if (style.italic) attrs.push('font-style="italic"');
  if (style.fill) attrs.push(`fill="${style.fill}"`);
  if (style.anchor && style.anchor !== 'start') attrs.push(`text-anchor="${style.anchor}"`);
  return `<text ${attrs.join(' ')}>${escapeXml(content)}</text>`;
}

export function rect(
  x: number,
  y: number,
  width: number,
  height: number,
  options: { fill?: string; stroke?: string; radius?: number } = {},
): string {
  const { fill = '#ffffff', stroke = '#98a2b3', radius = 6 } = options;
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="${radius}" fill="${fill}" stroke="${stroke}"/>`;
}

/** A standalone SVG document (it opens in a browser or a drawing program as it is). */
export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="Helvetica, Arial, sans-serif" fill="#101828">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/**
 * Writes lines of text down a box, top to bottom, and refuses a line that would go past its
 * bottom: what does not fit is counted, so the caller can say how much was left out.
 */
export class Column {
  readonly parts: string[] = [];
  private y: number;
  left = 0;

  constructor(
    readonly x: number,
    top: number,
    readonly width: number,
    public bottom: number,
  ) {
    this.y = top;
  }

  /** Room for a line of this size? */
  fits(size: number): boolean {
    return this.y + size * 1.3 <= this.bottom;
  }

  /** The vertical space still free. */
  get free(): number {
    return this.bottom - this.y;
  }

  /** One line, cut to the width; false (and nothing drawn) when there is no room. */
  line(content: string, style: TextStyle): boolean {
    if (!this.fits(style.size)) return false;
    this.y += style.size * 1.3;
    this.parts.push(
      text(this.x, this.y - style.size * 0.3, truncate(content, charsThatFit(this.width, style.size, style.bold)), style),
    );
    return true;
  }

  /** A label on the left and its value on the right of the same line; the label gives way. */
  pair(label: string, value: string, style: TextStyle, valueStyle: TextStyle = { ...style, bold: true }): boolean {
    if (!this.fits(Math.max(style.size, valueStyle.size))) return false;
    const size = Math.max(style.size, valueStyle.size);
    const shownValue = truncate(value, charsThatFit(this.width * 0.6, valueStyle.size, valueStyle.bold));
    const room = this.width - textWidth(shownValue, valueStyle.size, valueStyle.bold) - size;
    this.y += size * 1.3;
    const baseline = this.y - size * 0.3;
    this.parts.push(text(this.x, baseline, truncate(label, charsThatFit(Math.max(room, size), style.size, style.bold)), style));
    this.parts.push(text(this.x + this.width, baseline, shownValue, { ...valueStyle, anchor: 'end' }));
    return true;
  }

  /** A paragraph wrapped to the width, as many lines as fit (at most `maxLines`). */
  paragraph(content: string, style: TextStyle, maxLines = 3): boolean {
    const lines = wrap(content, charsThatFit(this.width, style.size, style.bold), maxLines);
    let drawn = false;
    for (const l of lines) {
      if (!this.line(l, style)) break;
      drawn = true;
    }
    return drawn;
  }

  /** Whether anything was left out, and a line saying so in the room kept for it. */
  more(content: string, style: TextStyle, reserved: number): void {
    if (this.left <= 0) return;
    this.bottom += reserved;
    this.line(content, style);
    this.bottom -= reserved;
  }

  gap(pixels: number): void {
    this.y = Math.min(this.bottom, this.y + pixels);
  }
}
