import type { VNode } from 'preact';

/*
 * Server-rendered SVG charts for the health pages (no JavaScript needed to see them). Every chart is a
 * <figure> with an <svg role="img"> labelled by its title and description, a legend when it has more
 * than one series, and the same numbers in a table inside <details> (screen readers and people who
 * prefer numbers). Pass the table's CSV link as `csvHref` to offer the download beside it.
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

export function LineChart(p: LineChartProps): VNode {
  return <ChartTable {...p} series={p.series} />;
}

export function BarChart(p: BarChartProps): VNode {
  return <ChartTable {...p} series={[{ name: p.unit ?? 'value', values: p.values }]} />;
}

export function StackedBarChart(p: StackedBarChartProps): VNode {
  return <ChartTable {...p} series={p.series} />;
}

/** STUB: the table half of every chart (the SVG is being written). */
function ChartTable(p: ChartBase & { series: readonly Series[] }): VNode {
  return (
    <figure class="chart">
      <figcaption>{p.title}</figcaption>
      <p>{p.desc}</p>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{''}</th>
            {p.series.map((s) => (
              <th scope="col">{s.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.labels.map((l, i) => (
            <tr>
              <th scope="row">{l}</th>
              {p.series.map((s) => (
                <td>{s.values[i] ?? '–'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
