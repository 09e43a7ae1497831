// The exports of a canvas: its API answer as JSON, the canvas drawn as SVG, and the page printed
// (or saved as PDF) on one A3 landscape sheet through the print stylesheet. A page puts the
// class "canvas-printable" on its printable root and this menu in its header.
import { useTranslation } from 'react-i18next';
import './print.css';
import { periodText } from './figureText';
import { downloadText, exportFilename, jsonText } from './download';

export interface ExportMenuProps {
  /** The file name's stem, e.g. "crm-canvas"; the period and extension are added. */
  filename: string;
  /** The API's answer as served; its from/to name the period in the file name. */
  data: { from: number; to: number };
  /** Builds the SVG when asked (not on every render). */
  svg: () => string;
}

export function ExportMenu({ filename, data, svg }: ExportMenuProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="export-menu">
      <div className="export-actions no-print" role="group" aria-label={t('canvas.export.label')}>
        <button
          type="button"
          className="button"
          onClick={() => downloadText(exportFilename(filename, data, 'json'), jsonText(data), 'application/json')}
        >
          {t('canvas.export.json')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => downloadText(exportFilename(filename, data, 'svg'), svg(), 'image/svg+xml')}
        >
          {t('canvas.export.svg')}
        </button>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('canvas.export.print')}
        </button>
      </div>
      {/* On paper the buttons give way to the period printed. */}
      <p className="export-period">{periodText(data.from, data.to, t, language)}</p>
    </div>
  );
}
