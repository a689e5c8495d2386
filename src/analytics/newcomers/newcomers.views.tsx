import type { CommunityRow } from '../../communities/communities.access.ts';
import { BarChart, LineChart } from '../charts/charts.tsx';
import { HealthShell } from '../health.views.tsx';
import type { HealthWindow } from '../period.ts';
import { fmtShare } from '../responsiveness/responsiveness.views.tsx';
import { STALL_DAYS, STEP_LABELS, STEPS } from './newcomers.measures.ts';
import type { NewcomersView, Trajectory } from './newcomers.service.ts';

/** How many named trajectories the page lists (the CSV has them all). */
export const PAGE_TRAJECTORIES = 100;

const fmtDays = (d: number | null) => (d === null ? '–' : `${d} d`);
const pct = (s: number | null) => (s === null ? null : Math.round(s * 1000) / 10);

interface Props {
  community: CommunityRow;
  window: HealthWindow;
  refreshedAt: string;
  individuals: boolean;
  view: NewcomersView;
}

/** /c/:slug/health/newcomers: how members who joined in the window find their way in. */
export function NewcomersPage(p: Props) {
  const q = p.window.months.length === 12 ? '' : `?months=${p.window.months.length}`;
  const csv = (table: string) => `/c/${p.community.slug}/health/newcomers/${table}.csv${q}`;
  const h = p.view.headline;
  return (
    <HealthShell community={p.community} section="newcomers" window={p.window} refreshedAt={p.refreshedAt} individuals={p.individuals}>
      <section aria-labelledby="nc-headline">
        <h2 id="nc-headline">Members who joined in this period</h2>
        <dl class="stat-cards">
          <div class="stat"><dt>New members</dt><dd>{h.newMembers}</dd></div>
          <div class="stat"><dt>Made a first contribution</dt><dd>{h.contributed}</dd></div>
          <div class="stat"><dt>Median time to first contribution</dt><dd>{fmtDays(h.medianDaysToFirstContribution)}</dd></div>
          <div class="stat"><dt>Stalled ({STALL_DAYS} days without a new step)</dt><dd>{h.stalled}</dd></div>
          <div class="stat"><dt>Came back in days 30–59</dt><dd>{fmtShare(h.retention30)}</dd></div>
          <div class="stat"><dt>Came back in days 90–179</dt><dd>{fmtShare(h.retention90)}</dd></div>
        </dl>
        <p class="meta">Staff and bot accounts are not counted. A contribution is a question, a reply or answer, a comment, an article or a hosted event.</p>
      </section>

      <section aria-labelledby="nc-funnel">
        <h2 id="nc-funnel">The way in</h2>
        <BarChart title="Newcomers who reached each step" desc={`Of ${h.newMembers} newcomers, how many reached each step of the trajectory from reading to mentoring.`} labels={p.view.funnel.map((f) => STEP_LABELS[f.step])} unit="members" values={p.view.funnel.map((f) => f.reached)} csvHref={csv('funnel')} />
        <div class="table-wrap" tabIndex={0}>
          <table class="table">
            <caption>Steps of the trajectory</caption>
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Reached</th>
                <th scope="col">Share of newcomers</th>
                <th scope="col">Median days from joining</th>
                <th scope="col">Median days from the previous step</th>
              </tr>
            </thead>
            <tbody>
              {p.view.funnel.map((f) => (
                <tr>
                  <th scope="row">{STEP_LABELS[f.step]}</th>
                  <td>{f.reached}</td>
                  <td>{fmtShare(f.share)}</td>
                  <td>{fmtDays(f.medianDaysFromJoining)}</td>
                  <td>{fmtDays(f.medianDaysFromPreviousStep)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><a href={csv('funnel')}>Download CSV</a></p>
        </div>
        <div class="table-wrap" tabIndex={0}>
          <table class="table">
            <caption>Where newcomers stall: the furthest step of those with no new step for {STALL_DAYS} days</caption>
            <thead>
              <tr>
                <th scope="col">Stalled after</th>
                <th scope="col">Newcomers</th>
              </tr>
            </thead>
            <tbody>
              {p.view.stalls.map((s) => (
                <tr>
                  <th scope="row">{STEP_LABELS[s.step]}</th>
                  <td>{s.stalled}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><a href={csv('stalls')}>Download CSV</a></p>
        </div>
      </section>

      <section aria-labelledby="nc-retention">
        <h2 id="nc-retention">Who stays</h2>
        <LineChart
          title="Newcomer share of active members, per month"
          desc="Of the members active each month, the share who joined less than 90 days before the month began, or during it."
          labels={p.view.months.map((m) => m.month)}
          unit="%"
          series={[{ name: 'Newcomer share', values: p.view.months.map((m) => pct(m.newcomerShare)) }]}
          csvHref={csv('months')}
        />
        <div class="table-wrap" tabIndex={0}>
          <table class="table">
            <caption>Retention by join month: active again in days 30–59 and 90–179 after joining</caption>
            <thead>
              <tr>
                <th scope="col">Joined in</th>
                <th scope="col">Joined</th>
                <th scope="col">Back in days 30–59</th>
                <th scope="col">Back in days 90–179</th>
              </tr>
            </thead>
            <tbody>
              {p.view.cohorts.map((c) => (
                <tr>
                  <th scope="row">{c.month}</th>
                  <td>{c.joined}</td>
                  <td>{c.eligible30 === 0 ? (c.withheld30 ? 'fewer than 3' : '–') : `${fmtShare(c.retention30)} (${c.retained30} of ${c.eligible30})`}</td>
                  <td>{c.eligible90 === 0 ? (c.withheld90 ? 'fewer than 3' : '–') : `${fmtShare(c.retention90)} (${c.retained90} of ${c.eligible90})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="meta">A cohort counts once its window has passed: 60 days after joining for the first figure, 180 for the second. {p.individuals ? '' : 'Cohorts of fewer than 3 measurable newcomers are not shown: their figure would say what one person did.'}</p>
          <p><a href={csv('cohorts')}>Download CSV</a> · <a href={csv('months')}>Newcomer share per month (CSV)</a></p>
        </div>
      </section>

      {p.view.trajectories ? <Trajectories list={p.view.trajectories} csvHref={csv('trajectories')} /> : null}
    </HealthShell>
  );
}

/** Stewards only: each newcomer by name, when they reached each step, and whether they stalled. */
function Trajectories(p: { list: readonly Trajectory[]; csvHref: string }) {
  const shown = p.list.slice(0, PAGE_TRAJECTORIES);
  return (
    <section aria-labelledby="nc-people">
      <h2 id="nc-people">Each newcomer</h2>
      <p class="meta">Only stewards see this. {p.list.length > shown.length ? `The ${shown.length} who joined most recently of ${p.list.length}; the CSV has everyone.` : ''}</p>
      <div class="table-wrap" tabIndex={0}>
        <table class="table">
          <caption>Newcomers’ trajectories (dates they first reached each step)</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Joined</th>
              {STEPS.map((s) => (
                <th scope="col">{STEP_LABELS[s]}</th>
              ))}
              <th scope="col">Where they are</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <tr>
                <th scope="row">
                  <a href={`/u/${t.username}`}>{t.displayName}</a>
                </th>
                <td>{t.joinedAt.slice(0, 10)}</td>
                {STEPS.map((s) => (
                  <td>{t.steps[s]?.slice(0, 10) ?? '–'}</td>
                ))}
                <td>{t.stalled ? `Stalled after “${STEP_LABELS[t.furthest]}”` : `Furthest step: ${STEP_LABELS[t.furthest]}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p><a href={p.csvHref}>Download CSV</a></p>
      </div>
    </section>
  );
}
