import type { ComponentChildren, VNode } from 'preact';
import type { ScaleLinear } from 'd3-scale';
import type { Series } from './charts.tsx';
import { formatValue } from './format.ts';

/** The drawing area inside the 640 × 240 viewBox (room on the left for the value axis, below for labels). */
export const VIEW = { width: 640, height: 240 } as const;
export const PLOT = { left: 48, top: 14, width: 640 - 48 - 12, height: 240 - 14 - 34 } as const;

/** What the frame needs to draw axes, legend and table around a chart's marks. */
export interface Frame {
  id: string;
  title: string;
  desc: string;
  labels: readonly string[];
  series: readonly Series[];
  unit?: string;
  csvHref?: string;
  y: ScaleLinear<number, number>;
  /** The x position of label i's centre. */
  xAt: (i: number) => number;
  /** Show every n-th label (long series would overlap). */
  every: number;
}

let counter = 0;
/** A document-unique id from the title (two charts may share a title on one page). */
export function chartId(title: string): string {
  counter = (counter + 1) % 1_000_000;
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'chart';
  return `chart-${slug}-${counter}`;
}

/** Label i is drawn when it is every n-th (the rest are in the table and the marks' titles). */
const showTick = (i: number, _n: number, every: number): boolean => i % every === 0;

/** Label every n-th tick so about eight fit. */
export const tickEvery = (n: number): number => Math.max(1, Math.ceil(n / 8));

const hasData = (f: Frame) => f.labels.length > 0 && f.series.some((s) => s.values.some((v) => typeof v === 'number' && Number.isFinite(v) && v !== 0));

/** The figure around a chart: title, SVG with axes and grid, legend, the numbers in a table, CSV link. */
export function ChartFrame({ frame: f, kind, tableUnit, children }: { frame: Frame; kind: 'line' | 'bar'; tableUnit?: string; children: ComponentChildren }): VNode {
  const empty = !hasData(f);
  const unit = tableUnit ?? f.unit;
  return (
    <figure class={`chart chart--${kind}`} aria-labelledby={`${f.id}-cap`}>
      <figcaption id={`${f.id}-cap`} class="chart__title">
        {f.title}
      </figcaption>
      {empty ? (
        <p class="chart__empty">No figures for this period yet.</p>
      ) : (
        <svg class="chart__svg" viewBox={`0 0 ${VIEW.width} ${VIEW.height}`} role="img" aria-labelledby={`${f.id}-t ${f.id}-d`} preserveAspectRatio="xMidYMid meet">
          <title id={`${f.id}-t`}>{f.title}</title>
          <desc id={`${f.id}-d`}>{f.desc}</desc>
          <Axes f={f} />
          {children}
        </svg>
      )}
      {!empty && f.series.length > 1 && (
        <ul class="chart__legend">
          {f.series.map((s, i) => (
            <li>
              <span class={`chart__swatch chart__s${i % 6}`} aria-hidden="true" />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <p class="chart__desc">{f.desc}</p>
      {f.labels.length > 0 && (
        <details class="chart__data">
          <summary>The numbers</summary>
          <div class="table-wrap" tabIndex={0}>
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">Period</span>
                  </th>
                  {f.series.map((s) => (
                    <th scope="col">{f.series.length === 1 && unit ? unit : s.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {f.labels.map((l, i) => (
                  <tr>
                    <th scope="row">{l}</th>
                    {f.series.map((s) => {
                      const v = s.values[i];
                      return <td class="num">{typeof v === 'number' && Number.isFinite(v) ? formatValue(v) : '–'}</td>;
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {f.csvHref && (
        <p class="chart__csv">
          <a href={f.csvHref} download>
            Download CSV<span class="visually-hidden"> of {f.title}</span>
          </a>
        </p>
      )}
    </figure>
  );
}

function Axes({ f }: { f: Frame }) {
  // Counts get whole-number ticks only (no "0.20 stories").
  const whole = f.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
  const ticks = f.y.ticks(4).filter((t) => !whole || Number.isInteger(t));
  const bottom = PLOT.top + PLOT.height;
  return (
    <g class="chart__axes" aria-hidden="true">
      {ticks.map((t) => (
        <g>
          <line class="chart__grid" x1={PLOT.left} x2={PLOT.left + PLOT.width} y1={f.y(t)} y2={f.y(t)} />
          <text class="chart__tick" x={PLOT.left - 6} y={f.y(t)} dy="0.32em" text-anchor="end">
            {formatValue(t)}
          </text>
        </g>
      ))}
      <line class="chart__baseline" x1={PLOT.left} x2={PLOT.left + PLOT.width} y1={bottom} y2={bottom} />
      {f.labels.map((l, i) =>
        showTick(i, f.labels.length, f.every) ? (
          <text class="chart__tick" x={f.xAt(i)} y={bottom + 16} text-anchor="middle">
            {l}
          </text>
        ) : null,
      )}
      {f.unit && (
        <text class="chart__unit" x={4} y={PLOT.top - 4}>
          {f.unit}
        </text>
      )}
    </g>
  );
}
