// The export menu: JSON as served with the period in the file name, the SVG built when asked,
// and printing through the browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderPage } from '../../../test/render';
import { ExportMenu } from './ExportMenu';

const data = { from: Date.UTC(2026, 8, 9), to: Date.UTC(2026, 11, 8), blocks: { customer: { figures: {} } } };

function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: last! });
  });
  return files;
}

/** jsdom's Blob has no text(): read it as the browser's FileReader would. */
function read(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('ExportMenu', () => {
  it('downloads the API answer as pretty-printed JSON named by its period', async () => {
    const files = captureDownloads();
    const svg = vi.fn(() => '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await renderPage(<ExportMenu filename="crm-canvas" data={data} svg={svg} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download JSON' }));
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe('crm-canvas_2026-09-09_2026-12-07.json');
    expect(files[0].blob.type).toBe('application/json');
    expect(await read(files[0].blob)).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(svg).not.toHaveBeenCalled();
  });

  it('builds the SVG only when asked, and prints through the browser', async () => {
    const files = captureDownloads();
    const svg = vi.fn(() => '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await renderPage(<ExportMenu filename="crm-canvas" data={data} svg={svg} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download SVG' }));
    expect(svg).toHaveBeenCalledTimes(1);
    expect(files[0].name).toBe('crm-canvas_2026-09-09_2026-12-07.svg');
    expect(files[0].blob.type).toBe('image/svg+xml');
    expect(await read(files[0].blob)).toContain('xmlns="http://www.w3.org/2000/svg"');
    fireEvent.click(screen.getByRole('button', { name: 'Print / save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('group', { name: 'Export' })).toBeTruthy();
  });
});
