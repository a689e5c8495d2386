import type { VNode } from 'preact';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { ChartFrame, chartId, PLOT, tickEvery, type Frame } from './frame.tsx';
import { formatValue } from './format.ts';

export { formatValue };

/*
 * Server-rendered SVG charts for the health pages (no JavaScript needed to see them). Every chart is a
 * <figure> with an <svg role="img"> labelled by its title and description, a legend when it has more
 * than one series, and the same numbers in a table inside <details> (screen readers and people who
 * prefer numbers). Pass the table's CSV link as `csvHref` to offer the download beside it.
 * Scales and paths come from d3-scale and d3-shape; colours from CSS (.chart__s0 … .chart__s5).
 */

/** One line / one stack of bars. `values[i]` belongs to `labels[i]`; null is "no figure" (a gap). */
export interface Series {
  name: string;
  values: ReadonlyArray<number | null>;
}

export interface ChartBase {
  /** Short title shown above the chart ("Active members per week"). */
  title: string;
  /** One or two sentences a screen reader hears: what the chart shows and its main finding. */
  desc: string;
  /** The x axis: one label per value ('2026-11', '2026-W47', 'core', …). */
  labels: readonly string[];
  /** Unit of the values, shown on the axis and in the table ('members', 'hours', '%'). */
  unit?: string;
  csvHref?: string;
}

/** Lines over time. `marks` are label indices to flag (e.g. a gap in the rhythm), with why. */
export interface LineChartProps extends ChartBase {
  series: readonly Series[];
  marks?: ReadonlyArray<{ index: number; note: string }>;
}

/** Bars, one per label (a single series). */
export interface BarChartProps extends ChartBase {
  values: ReadonlyArray<number | null>;
}

/** Stacked bars, one stack per label; `percent` scales each stack to 100%. */
export interface StackedBarChartProps extends ChartBase {
  series: readonly Series[];
  percent?: boolean;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function yScale(max: number) {
  return scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(4)
    .range([PLOT.top + PLOT.height, PLOT.top]);
}

export function LineChart(p: LineChartProps): VNode {
  const id = chartId(p.title);
  const max = Math.max(0, ...p.series.flatMap((s) => s.values.filter(finite)));
  const x = scalePoint<number>()
    .domain(p.labels.map((_, i) => i))
    .range([PLOT.left, PLOT.left + PLOT.width])
    .padding(0.3);
  const y = yScale(max);
  const path = line<number | null>()
    .defined(finite)
    .x((_, i) => x(i) ?? 0)
    .y((v) => y(v ?? 0));
  const frame: Frame = { id, ...p, series: p.series, y, xAt: (i) => x(i) ?? 0, every: tickEvery(p.labels.length) };
  return (
    <ChartFrame frame={frame} kind="line">
      {(p.marks ?? []).map((m) => {
        const at = x(m.index);
        if (at === undefined) return null;
        return (
          <g class="chart__mark">
            <title>{`${p.labels[m.index]}: ${m.note}`}</title>
            <line x1={at} x2={at} y1={PLOT.top} y2={PLOT.top + PLOT.height} />
            <path d={`M${at - 5},${PLOT.top - 2} L${at + 5},${PLOT.top - 2} L${at},${PLOT.top + 6} Z`} />
          </g>
        );
      })}
      {p.series.map((s, si) => (
        <g class={`chart__series chart__s${si % 6}`}>
          <path class="chart__line" d={path(s.values as Array<number | null>) ?? ''} />
          {s.values.map((v, i) =>
            finite(v) && (p.labels.length <= 24 || i === s.values.length - 1) ? (
              <circle class="chart__dot" cx={x(i)} cy={y(v)} r={3}>
                <title>{`${s.name}, ${p.labels[i]}: ${formatValue(v)}${p.unit ? ` ${p.unit}` : ''}`}</title>
              </circle>
            ) : null,
          )}
        </g>
      ))}
    </ChartFrame>
  );
}

export function BarChart(p: BarChartProps): VNode {
  return <StackedBarChart {...p} series={[{ name: p.unit ?? 'value', values: p.values }]} />;
}

export function StackedBarChart(p: StackedBarChartProps): VNode {
  const id = chartId(p.title);
  const totals = p.labels.map((_, i) => p.series.reduce((sum, s) => sum + (finite(s.values[i]) ? s.values[i]! : 0), 0));
  const y = p.percent ? scaleLinear().domain([0, 100]).range([PLOT.top + PLOT.height, PLOT.top]) : yScale(Math.max(0, ...totals));
  const x = scaleBand<number>()
    .domain(p.labels.map((_, i) => i))
    .range([PLOT.left, PLOT.left + PLOT.width])
    .paddingInner(p.labels.length > 30 ? 0.1 : 0.25)
    .paddingOuter(0.1);
  const frame: Frame = { id, ...p, series: p.series, y, xAt: (i) => (x(i) ?? 0) + x.bandwidth() / 2, every: tickEvery(p.labels.length), unit: p.percent ? '%' : p.unit };
  return (
    <ChartFrame frame={frame} kind="bar" tableUnit={p.unit}>
      {p.labels.map((label, i) => {
        let base = 0;
        return (
          <g>
            {p.series.map((s, si) => {
              const raw = finite(s.values[i]) ? s.values[i]! : 0;
              const v = p.percent ? (totals[i]! > 0 ? (raw / totals[i]!) * 100 : 0) : raw;
              const y0 = y(base);
              base += v;
              const y1 = y(base);
              if (raw <= 0) return null;
              return (
                <rect class={`chart__bar chart__s${si % 6}`} x={x(i)} y={y1} width={x.bandwidth()} height={Math.max(0.5, y0 - y1)}>
                  <title>{`${p.series.length > 1 ? `${s.name}, ` : ''}${label}: ${formatValue(raw)}${p.unit ? ` ${p.unit}` : ''}${p.percent ? ` (${formatValue(v)}%)` : ''}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
