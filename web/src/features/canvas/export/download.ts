// Saving a text as a file from the browser, and the file names of the exports.

/** A day as YYYY-MM-DD in UTC (file names sort by it and read the same everywhere). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "crm-canvas_2026-09-09_2026-12-07.json": the period's first and last day (`to` is exclusive). */
export function exportFilename(base: string, period: { from: number; to: number }, extension: string): string {
  const safe = base.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'canvas';
  return `${safe}_${isoDay(period.from)}_${isoDay(Math.max(period.from, period.to - 1))}.${extension}`;
}

/** The API's answer as served, pretty-printed. */
export function jsonText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** Offers the text as a download (a link to a blob, clicked, then released). */
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Released after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
