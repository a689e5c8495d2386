import { EmptyState } from '../../core/views/components.tsx';
import { BarChart, LineChart } from '../charts/charts.tsx';
import type { ValueMatrix } from './value.service.ts';
import { CYCLE_TEXT, VALUE_CYCLES } from './value.measures.ts';

/** The value matrix as a table: per cycle, the stories reaching it and its automatic indicators. */
export function MatrixTable({ matrix, caption, csvHref }: { matrix: ValueMatrix; caption: string; csvHref?: string }) {
  return (
    <div class="table-wrap" tabIndex={0}>
      <table class="table value-matrix">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Stories reaching it</th>
            <th scope="col">Automatic indicators</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr>
              <th scope="row">
                {row.label}
                <span class="meta value-matrix__question"> {row.question}</span>
              </th>
              <td>
                <strong>{row.stories}</strong>
                {row.newest.length > 0 && (
                  <ul>
                    {row.newest.map((s) => (
                      <li>
                        <a href={s.url}>{s.title}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <ul class="value-matrix__indicators">
                  {row.indicators.map((i) => (
                    <li>
                      {i.label}: <strong>{i.value}</strong>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {csvHref && (
        <p>
          <a href={csvHref} download>
            Download CSV
          </a>
        </p>
      )}
    </div>
  );
}

/** The value section of a community's health: headline, matrix, monthly series, links to stories and the report. */
export function ValueSection(p: { slug: string; months: number; matrix: ValueMatrix; canRecord: boolean }) {
  const q = p.months === 12 ? '' : `?months=${p.months}`;
  const base = `/c/${p.slug}/health/value`;
  const s = p.matrix.summary;
  const labels = s.months.map((m) => m.month);
  return (
    <>
      <link rel="stylesheet" href="/health/value-report.css" />
      <dl class="stat-cards">
        <div class="stat">
          <dt>Stories recorded</dt>
          <dd>{s.stories}</dd>
        </div>
        {VALUE_CYCLES.map((c) => (
          <div class="stat">
            <dt>Stories reaching {CYCLE_TEXT[c].label.toLowerCase()}</dt>
            <dd>{s.storiesByCycle[c]}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href={`/c/${p.slug}/value-stories`}>Read the value stories</a>
        {p.canRecord && (
          <>
            {' · '}
            <a href={`/c/${p.slug}/value-stories/new`}>Record a story</a>
          </>
        )}
        {' · '}
        <a href={`/c/${p.slug}/health/report${q}`}>Sponsor report (printable)</a>
      </p>
      <h2>Value matrix</h2>
      {s.stories === 0 && (
        <EmptyState title="No stories in this period yet">
          <p>
            The indicators below come from the activity stream. Stories say what that activity was worth{p.canRecord ? <>: <a href={`/c/${p.slug}/value-stories/new`}>record the first</a>.</> : ', and members of the community can record them.'}
          </p>
        </EmptyState>
      )}
      <MatrixTable matrix={p.matrix} caption="Value created, by cycle (Wenger-Trayner)" csvHref={`${base}/matrix.csv${q}`} />
      <h2>Over time</h2>
      <LineChart
        title="Automatic indicators per cycle, by month"
        desc={`Monthly sums of each cycle’s indicators from ${labels[0]} to ${labels[labels.length - 1]}, person accounts only.`}
        labels={labels}
        unit="acts"
        series={VALUE_CYCLES.map((c) => ({ name: CYCLE_TEXT[c].label, values: s.months.map((m) => m[c]) }))}
        csvHref={`${base}/monthly.csv${q}`}
      />
      <BarChart title="Value stories recorded per month" desc={`${s.stories === 1 ? '1 story' : `${s.stories} stories`} recorded in the period.`} labels={labels} unit="stories" values={s.months.map((m) => m.stories)} csvHref={`${base}/monthly.csv${q}`} />
      <p>
        <a href={`${base}/stories.csv${q}`} download>
          Download the period’s stories as CSV
        </a>
      </p>
    </>
  );
}
