import type { CommunityRow } from '../../communities/communities.access.ts';
import { LineChart, StackedBarChart } from '../charts/charts.tsx';
import { HealthShell } from '../health.views.tsx';
import type { HealthWindow } from '../period.ts';
import { fmtShare, GroupTable } from '../responsiveness/responsiveness.views.tsx';
import { FOLD_BELOW, GAP_MIN_EXPECTED, GAP_MIN_MEMBERS, GAP_RATIO } from './inclusion.measures.ts';
import type { DimensionView, InclusionView } from './inclusion.service.ts';

interface Props {
  community: CommunityRow;
  window: HealthWindow;
  refreshedAt: string;
  individuals: boolean;
  view: InclusionView;
}

/** '0.63', or '–' when there is no figure. */
const fmtIndex = (n: number | null) => (n === null ? '–' : n.toFixed(2));
const fmtGap = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(2)}`);
const pct = (s: number | null) => (s === null ? null : Math.round(s * 1000) / 10);

/** /c/:slug/health/inclusion: heterogeneity of members vs active contributors, newcomer voice, response time by asker group. */
export function InclusionPage(p: Props) {
  const q = p.window.months.length === 12 ? '' : `?months=${p.window.months.length}`;
  const csv = (table: string) => `/c/${p.community.slug}/health/inclusion/${table}.csv${q}`;
  const v = p.view;
  const flagged = v.dimensions.flatMap((d) => d.categories.filter((c) => c.flagged).map((c) => ({ dimension: d.label, ...c })));
  const last = v.voice[v.voice.length - 1];
  return (
    <HealthShell community={p.community} section="inclusion" window={p.window} refreshedAt={p.refreshedAt} individuals={p.individuals}>
      <section aria-labelledby="incl-blau">
        <h2 id="incl-blau">Who the community is, and who is heard</h2>
        <dl class="stat-cards">
          {v.dimensions.map((d) => (
            <div class="stat">
              <dt>{d.label}: members / active contributors</dt>
              <dd>
                {fmtIndex(d.members.blau)} / {fmtIndex(d.contributors.blau)}
              </dd>
            </div>
          ))}
          <div class="stat">
            <dt>Groups not being heard</dt>
            <dd>{flagged.length}</dd>
          </div>
          <div class="stat">
            <dt>Newcomers’ share of contributions, {last?.month}</dt>
            <dd>{fmtShare(last?.contributionShare ?? null)}</dd>
          </div>
        </dl>
        <p class="meta">
          The Blau index (1 − Σ p²) is 0 when everyone is alike and grows as people spread over more categories. Active contributors asked, answered, replied, commented, wrote an article or hosted an event in {v.contributorMonths.from} to {v.contributorMonths.to} (the months overlapping the last 90 days). Profile fields are voluntary: people who left one empty or keep it to themselves are counted as “not given” and left out of its shares. Staff and bot accounts are not counted.
        </p>
        <div class="table-wrap" tabIndex={0}>
          <table class="table">
            <caption>Blau index by dimension</caption>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Members</th>
                <th scope="col">Active contributors</th>
                <th scope="col">Difference</th>
                <th scope="col">Members who gave it</th>
                <th scope="col">Contributors who gave it</th>
              </tr>
            </thead>
            <tbody>
              {v.dimensions.map((d) => (
                <tr>
                  <th scope="row">{d.label}</th>
                  <td>{fmtIndex(d.members.blau)}</td>
                  <td>{fmtIndex(d.contributors.blau)}</td>
                  <td>{fmtGap(d.blauGap)}</td>
                  <td>
                    {d.members.given} of {d.members.total}
                  </td>
                  <td>
                    {d.contributors.given} of {d.contributors.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <a href={csv('blau')}>Download CSV</a>
          </p>
        </div>
      </section>

      <section aria-labelledby="incl-not-heard">
        <h2 id="incl-not-heard">Who is not being heard</h2>
        {flagged.length === 0 ? (
          <p class="empty">No group has markedly fewer active contributors than its share of the members predicts.</p>
        ) : (
          <ul class="not-heard">
            {flagged.map((c) => (
              <li>
                <strong>
                  {c.dimension}: {c.label}
                </strong>{' '}
                — {fmtShare(c.memberShare)} of members but {fmtShare(c.contributorShare)} of active contributors ({c.contributors} where about {Math.round((c.expectedContributors ?? 0) * 10) / 10} would be in proportion)
              </li>
            ))}
          </ul>
        )}
        <p class="meta">
          A group is flagged when it has at least {GAP_MIN_MEMBERS} members, its share of the members predicts at least {GAP_MIN_EXPECTED} active contributors, and it has at most {GAP_RATIO * 100}% of that prediction.
        </p>
      </section>

      <section aria-labelledby="incl-dimensions">
        <h2 id="incl-dimensions">By dimension</h2>
        {!p.individuals && <p class="meta">Categories with fewer than {FOLD_BELOW} people are shown together as “Other”, so no one can be picked out.</p>}
        {v.dimensions.map((d) => (
          <DimensionSection dimension={d} csvHref={csv('categories')} />
        ))}
      </section>

      <section aria-labelledby="incl-voice">
        <h2 id="incl-voice">Newcomer voice</h2>
        <LineChart
          title="Newcomers’ share of active people and of contributions, per month"
          desc={`Newcomers joined less than 90 days before the month began (or during it). When their share of contributions is below their share of active people, they are present but less heard. In ${last?.month ?? 'the last month'} they were ${fmtShare(last?.activeShare ?? null)} of active people and made ${fmtShare(last?.contributionShare ?? null)} of contributions.`}
          labels={v.voice.map((m) => m.month)}
          unit="%"
          series={[
            { name: 'Share of active people', values: v.voice.map((m) => pct(m.activeShare)) },
            { name: 'Share of contributions', values: v.voice.map((m) => pct(m.contributionShare)) },
          ]}
          csvHref={csv('voice')}
        />
        <p>
          <a href={csv('voice')}>Download CSV</a>
        </p>
      </section>

      <section aria-labelledby="incl-response">
        <h2 id="incl-response">Response time by asker group</h2>
        <p class="meta">How quickly questions got a first response and an accepted answer in this period, by who asked (the same figures as on the Responsiveness page).</p>
        <GroupTable id="incl-response-tenure" caption="Newcomers (asked within 90 days of joining) and established members" groups={v.responseTimes.tenure} csvHref={csv('response-by-tenure')} />
        <GroupTable id="incl-response-discipline" caption="By the asker’s discipline" groups={v.responseTimes.discipline} csvHref={csv('response-by-discipline')} />
      </section>
    </HealthShell>
  );
}

/** Categories drawn as their own band in a chart; the rest are one "All others" band. */
const CHART_CATEGORIES = 7;
/** Category rows a page table lists (most members first); the CSV has them all. */
const TABLE_CATEGORIES = 30;

/** The chart's bands: the biggest categories, and the rest summed (shares add up). */
export function chartSeries(d: DimensionView) {
  const shown = d.categories.length > CHART_CATEGORIES + 1 ? d.categories.slice(0, CHART_CATEGORIES) : d.categories;
  const rest = d.categories.slice(shown.length);
  const series = shown.map((c) => ({ name: c.label, values: [pct(c.memberShare), pct(c.contributorShare)] }));
  if (rest.length > 0) {
    const sum = (f: (c: (typeof rest)[number]) => number | null) => pct(rest.reduce((s, c) => s + (f(c) ?? 0), 0));
    series.push({ name: `All others (${rest.length})`, values: [sum((c) => c.memberShare), sum((c) => c.contributorShare)] });
  }
  return series;
}

export function DimensionSection({ dimension: d, csvHref }: { dimension: DimensionView; csvHref: string }) {
  const id = `incl-dim-${d.key.replace(/_/g, '-')}`;
  const listed = d.categories.slice(0, TABLE_CATEGORIES);
  const more = d.categories.slice(TABLE_CATEGORIES);
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{d.label}</h3>
      {d.categories.length === 0 ? (
        <p class="empty">Nobody has shared this yet ({d.notGiven.members} members have not).</p>
      ) : (
        <>
          <StackedBarChart
            title={`${d.label}: members and active contributors`}
            desc={`How members and active contributors spread over the ${d.label.toLowerCase()} categories (percent of those who gave it). Blau index ${fmtIndex(d.members.blau)} for members, ${fmtIndex(d.contributors.blau)} for active contributors.`}
            labels={['Members', 'Active contributors']}
            unit="%"
            percent
            series={chartSeries(d)}
            csvHref={csvHref}
          />
          <div class="table-wrap" tabIndex={0}>
            <table class="table">
              <caption>{d.label}: categories</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Members</th>
                  <th scope="col">Share of members</th>
                  <th scope="col">Active contributors</th>
                  <th scope="col">Share of contributors</th>
                  <th scope="col">Heard</th>
                </tr>
              </thead>
              <tbody>
                {listed.map((c) => (
                  <tr>
                    <th scope="row">{c.label}</th>
                    <td>{c.members}</td>
                    <td>{fmtShare(c.memberShare)}</td>
                    <td>{c.contributors}</td>
                    <td>{fmtShare(c.contributorShare)}</td>
                    <td>{c.flagged ? <strong>Not being heard</strong> : c.ratio === null ? '–' : `${Math.round(c.ratio * 100)}% of its share`}</td>
                  </tr>
                ))}
                {more.length > 0 && (
                  <tr>
                    <th scope="row">{more.length} more categories (listed in the CSV)</th>
                    <td>{more.reduce((n, c) => n + c.members, 0)}</td>
                    <td>–</td>
                    <td>{more.reduce((n, c) => n + c.contributors, 0)}</td>
                    <td>–</td>
                    <td>{more.some((c) => c.flagged) ? <strong>Includes groups not being heard</strong> : '–'}</td>
                  </tr>
                )}
                {d.notGiven.members > 0 && (
                  <tr>
                    <th scope="row">Not given</th>
                    <td>{d.notGiven.members}</td>
                    <td>–</td>
                    <td>{d.notGiven.contributors}</td>
                    <td>–</td>
                    <td>–</td>
                  </tr>
                )}
              </tbody>
            </table>
            <p>
              <a href={csvHref}>Download CSV</a> (every dimension)
            </p>
          </div>
        </>
      )}
    </section>
  );
}
