import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { BarChart, LineChart, StackedBarChart } from './charts.tsx';

const doc = (node: preact.JSX.Element) => parse(render(node));

describe('health charts', () => {
  it('draws a labelled SVG line per series, a legend, and the same numbers in a table', () => {
    const d = doc(<LineChart title="Active members" desc="Active members per month." labels={['2026-01', '2026-02', '2026-03']} series={[{ name: 'Active', values: [3, 5, 4] }, { name: 'Contributors', values: [1, null, 2] }]} unit="members" csvHref="/x.csv" />);
    const svg = d.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [t, de] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(d.getElementById(t!)!.text).toBe('Active members');
    expect(d.getElementById(de!)!.text).toBe('Active members per month.');
    const lines = [...d.querySelectorAll('path.chart__line')].map((p) => p.getAttribute('d')!);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.match(/[ML]/g)).toHaveLength(3); // three points joined
    expect(lines[1]!.match(/M/g)).toHaveLength(2); // the null breaks the line into two pieces
    expect([...d.querySelectorAll('.chart__legend li')].map((li) => li.text)).toEqual(['Active', 'Contributors']);
    const rows = [...d.querySelectorAll('details tbody tr')].map((tr) => tr.children.map((c) => c.text));
    expect(rows).toEqual([['2026-01', '3', '1'], ['2026-02', '5', '–'], ['2026-03', '4', '2']]);
    expect(d.querySelector('a[href="/x.csv"]')!.text).toContain('Download CSV');
  });

  it('places higher values higher and flags marked periods with their note', () => {
    const d = doc(<LineChart title="Rhythm" desc="d" labels={['a', 'b', 'c']} series={[{ name: 'n', values: [0, 10, 5] }]} marks={[{ index: 2, note: 'a gap of 30 days' }]} />);
    const cy = [...d.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy')));
    expect(cy[1]!).toBeLessThan(cy[2]!);
    expect(cy[2]!).toBeLessThan(cy[0]!);
    expect(d.querySelector('.chart__mark title')!.text).toBe('c: a gap of 30 days');
  });

  it('stacks bars, to 100% when asked, with a title per bar', () => {
    const d = doc(<StackedBarChart title="Levels" desc="d" labels={['m1', 'm2']} series={[{ name: 'core', values: [1, 2] }, { name: 'active', values: [3, 2] }]} percent />);
    const rects = [...d.querySelectorAll('rect.chart__bar')];
    expect(rects).toHaveLength(4);
    const h = rects.map((r) => Number(r.getAttribute('height')));
    expect(h[0]! * 3).toBeCloseTo(h[1]!, 5); // 25% and 75% of the same stack
    expect(h[0]! + h[1]!).toBeCloseTo(h[2]! + h[3]!, 5); // every stack is 100%
    expect(rects[0]!.querySelector('title')!.text).toBe('core, m1: 1 (25%)');
  });

  it('labels counts with whole numbers only, and fractions when the values have them', () => {
    const ticks = (node: preact.JSX.Element) => doc(node).querySelectorAll('text.chart__tick[text-anchor="end"]').map((t) => t.text);
    expect(ticks(<BarChart title="Stories" desc="d" labels={['a', 'b']} values={[1, 0]} />)).toEqual(['0', '1']);
    expect(ticks(<BarChart title="Hours" desc="d" labels={['a', 'b']} values={[0.5, 1]} />)).toEqual(['0', '0.20', '0.40', '0.60', '0.80', '1']);
  });

  it('says so instead of drawing an empty chart, and gives each chart its own ids', () => {
    const d = doc(
      <div>
        <BarChart title="Posts" desc="d" labels={['a']} values={[0]} />
        <BarChart title="Posts" desc="d" labels={['a']} values={[2]} />
        <BarChart title="Posts" desc="d" labels={['a']} values={[3]} />
      </div>,
    );
    expect(d.querySelectorAll('svg')).toHaveLength(2);
    expect(d.querySelector('.chart__empty')!.text).toMatch(/No figures/);
    const ids = [...d.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
