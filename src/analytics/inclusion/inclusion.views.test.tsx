import { parse } from 'node-html-parser';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { dimensionFigures } from './inclusion.measures.ts';
import type { DimensionView } from './inclusion.service.ts';
import { chartSeries, DimensionSection } from './inclusion.views.tsx';

/** A location dimension with `n` places: place k has k members, the biggest ones contributing. */
function locations(n: number): DimensionView {
  const counts = Array.from({ length: n }, (_, i) => ({ key: `place ${i + 1}`, label: `Place ${i + 1}`, members: i + 1, contributors: i + 1 > n - 3 ? 2 : 0 }));
  const f = dimensionFigures(counts, { members: 4, contributors: 1 });
  return { ...f, key: 'location', label: 'Location', folded: false };
}

describe('inclusion dimension section', () => {
  it('draws the 7 biggest categories and one band for all the others, whose shares still add up', () => {
    const d = locations(10); // 55 members who gave a place, 6 contributors (places 8, 9, 10)
    const series = chartSeries(d);
    expect(series.map((s) => s.name)).toEqual(['Place 10', 'Place 9', 'Place 8', 'Place 7', 'Place 6', 'Place 5', 'Place 4', 'All others (3)']);
    // Places 1–3 hold 6 of 55 members (10.9%) and none of the contributors.
    expect(series.at(-1)!.values).toEqual([10.9, 0]);
    const total = series.reduce((s, x) => s + (x.values[0] ?? 0), 0);
    expect(total).toBeCloseTo(100, 0);
  });

  it('draws every category when there are 8 or fewer', () => {
    expect(chartSeries(locations(8)).map((s) => s.name)).not.toContain('All others (1)');
    expect(chartSeries(locations(8))).toHaveLength(8);
  });

  it('lists at most 30 categories in the page table and says how many more the CSV holds', () => {
    const d = locations(40);
    const html = parse(render(<DimensionSection dimension={d} csvHref="/c/x/health/inclusion/categories.csv" />));
    const table = html.querySelectorAll('table').find((t) => t.querySelector('caption')?.text === 'Location: categories')!;
    const rows = table.querySelectorAll('tbody tr').map((r) => r.querySelector('th')!.text);
    expect(rows).toHaveLength(32);
    expect(rows[0]).toBe('Place 40');
    expect(rows[29]).toBe('Place 11');
    // Places 1–10: 55 members, no contributors.
    expect(rows[30]).toBe('10 more categories (listed in the CSV)');
    expect(table.querySelectorAll('tbody tr')[30]!.querySelectorAll('td').map((td) => td.text)).toEqual(['55', '–', '0', '–', '–']);
    expect(rows[31]).toBe('Not given');
    expect(html.querySelector('h3')!.text).toBe('Location');
    expect(html.querySelector('a[href="/c/x/health/inclusion/categories.csv"]')).not.toBeNull();
  });
});
