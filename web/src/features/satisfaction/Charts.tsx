// Small hand-drawn SVG charts for the reports: horizontal bars with their counts, and a line
// over time. Each chart has a text equivalent (the labels and numbers are in the markup).
import { barFractions, linePoints, npsPoints } from './reports';

export interface Bar {
  key: string;
  label: string;
  value: number;
  text: string;
}

export function BarList({ bars, label }: { bars: Bar[]; label: string }) {
  const fractions = barFractions(bars.map((b) => b.value));
  return (
    <ul className="report-bars" aria-label={label}>
      {bars.map((b, i) => (
        <li key={b.key} className="report-bar">
          <span className="report-bar-label">{b.label}</span>
          <svg className="report-bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="0" width={Math.max(fractions[i] * 100, b.value > 0 ? 1 : 0)} height="10" rx="1" />
          </svg>
          <span className="report-bar-value">{b.text}</span>
        </li>
      ))}
    </ul>
  );
}

const W = 300;
const H = 80;

export function LineChart({ values, label, kind = 'count' }: { values: number[]; label: string; kind?: 'count' | 'nps' }) {
  const points = kind === 'nps' ? npsPoints(values, W, H) : linePoints(values, W, H);
  return (
    <svg className="report-line" viewBox={`-4 -4 ${W + 8} ${H + 8}`} role="img" aria-label={label}>
      <line x1="0" y1={H} x2={W} y2={H} className="report-axis" />
      {kind === 'nps' ? <line x1="0" y1={H / 2} x2={W} y2={H / 2} className="report-axis" /> : null}
      {values.length > 1 ? <polyline points={points} fill="none" /> : null}
      {points
        .split(' ')
        .filter(Boolean)
        .map((p) => {
          const [x, y] = p.split(',');
          return <circle key={p} cx={x} cy={y} r="2.5" />;
        })}
    </svg>
  );
}
