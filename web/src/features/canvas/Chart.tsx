// Charts of the canvas screen, drawn by ECharts (only the parts used are imported, and the
// canvas route is loaded lazily, so none of it is in the first download). Each chart has a
// text equivalent: its title and an aria-label listing its values.
import { useEffect, useRef } from 'react';
import { init, use, type ComposeOption } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface Point {
  name: string;
  value: number;
}

function useChart(option: Option) {
  const ref = useRef<HTMLDivElement>(null);
  // Redrawn when what it shows changes, not on every render (the option is a new object each time).
  const shown = JSON.stringify(option);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  return ref;
}

function describe(points: Point[], format: (n: number) => string): string {
  return points.map((p) => `${p.name}: ${format(p.value)}`).join(', ');
}

export function PieFigure({ title, points, format }: { title: string; points: Point[]; format: (n: number) => string }) {
  const ref = useChart({
    tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['40%', '70%'], data: points, label: { formatter: '{b}' } }],
  });
  return <div ref={ref} className="canvas-chart" role="img" aria-label={`${title}: ${describe(points, format)}`} />;
}

export function BarFigure({ title, points, format }: { title: string; points: Point[]; format: (n: number) => string }) {
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: points.map((p) => p.value) }],
  } as Option);
  return <div ref={ref} className="canvas-chart" role="img" aria-label={`${title}: ${describe(points, format)}`} />;
}

export function LineFigure({ title, points, format }: { title: string; points: Point[]; format: (n: number) => string }) {
  const ref = useChart({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.name) },
    yAxis: { type: 'value' },
    series: [{ type: 'line', data: points.map((p) => p.value), showSymbol: points.length < 40 }],
  } as Option);
  return <div ref={ref} className="canvas-chart" role="img" aria-label={`${title}: ${describe(points, format)}`} />;
}
