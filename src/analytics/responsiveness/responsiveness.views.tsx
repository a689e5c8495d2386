import type { CommunityRow } from '../../communities/communities.access.ts';
import { BarChart, LineChart } from '../charts/charts.tsx';
import { HealthShell } from '../health.views.tsx';
import type { HealthWindow } from '../period.ts';
import { MIN_GROUP_ASKERS, NEWCOMER_DAYS, UNANSWERED_HOURS, type GroupFigures } from './responsiveness.measures.ts';
import type { ResponsivenessView } from './responsiveness.service.ts';

/** '5.2 h', or '–' when there is no figure. */
export const fmtHours = (h: number | null) => (h === null ? '–' : `${h} h`);
/** '25%' of a 0–1 share, or '–'. */
export const fmtShare = (s: number | null) => (s === null ? '–' : `${Math.round(s * 1000) / 10}%`);

interface Props {
  community: CommunityRow;
  window: HealthWindow;
  refreshedAt: string;
  individuals: boolean;
  view: ResponsivenessView;
}

/** /c/:slug/health/responsiveness: how quickly questions get a first response and an accepted answer. */
export function ResponsivenessPage(p: Props) {
  const q = p.window.months.length === 12 ? '' : `?months=${p.window.months.length}`;
  const csv = (table: string) => `/c/${p.community.slug}/health/responsiveness/${table}.csv${q}`;
  const h = p.view.headline;
  const weeks = p.view.weeks.map((w) => w.period);
  return (
    <HealthShell community={p.community} section="responsiveness" window={p.window} refreshedAt={p.refreshedAt} individuals={p.individuals}>
      <section aria-labelledby="resp-headline">
        <h2 id="resp-headline">Questions in this period</h2>
        {h.questions === 0 ? (
          <p class="empty">No questions were asked in this period.</p>
        ) : (
          <dl class="stat-cards">
            <div class="stat"><dt>Questions asked</dt><dd>{h.questions}</dd></div>
            <div class="stat"><dt>Median time to first response</dt><dd>{fmtHours(h.medianFirstResponseHours)}</dd></div>
            <div class="stat"><dt>90th percentile to first response</dt><dd>{fmtHours(h.p90FirstResponseHours)}</dd></div>
            <div class="stat"><dt>Median time to accepted answer</dt><dd>{fmtHours(h.medianAcceptedHours)}</dd></div>
            <div class="stat"><dt>Unanswered after {UNANSWERED_HOURS} h</dt><dd>{fmtShare(h.unanswered48hShare)} <span class="meta">({h.unanswered48h} of {h.questionsOver48h})</span></dd></div>
          </dl>
        )}
        <p class="meta">
          A response is the first answer, reply or comment by a member other than the asker. Times are medians and 90th percentiles over the questions that got one; the unanswered share counts questions at least {UNANSWERED_HOURS} hours old.
        </p>
      </section>
      <section aria-labelledby="resp-weekly">
        <h2 id="resp-weekly">Week by week</h2>
        <LineChart
          title="Hours to first response and to accepted answer, per week"
          desc={`Median and 90th percentile hours to the first response, and median hours to an accepted answer, for questions asked each week. Over the period the median first response took ${fmtHours(h.medianFirstResponseHours)}.`}
          labels={weeks}
          unit="hours"
          series={[
            { name: 'Median to first response', values: p.view.weeks.map((w) => w.medianFirstResponseHours) },
            { name: '90th percentile to first response', values: p.view.weeks.map((w) => w.p90FirstResponseHours) },
            { name: 'Median to accepted answer', values: p.view.weeks.map((w) => w.medianAcceptedHours) },
          ]}
          csvHref={csv('weeks')}
        />
        <BarChart title="Questions asked per week" desc={`${h.questions} questions were asked in the period.`} labels={weeks} unit="questions" values={p.view.weeks.map((w) => w.questions)} csvHref={csv('weeks')} />
        <LineChart
          title={`Share of questions unanswered after ${UNANSWERED_HOURS} hours, per week`}
          desc={`Of the questions asked each week that are at least ${UNANSWERED_HOURS} hours old, the share with no response within ${UNANSWERED_HOURS} hours. Over the period: ${fmtShare(h.unanswered48hShare)}.`}
          labels={weeks}
          unit="%"
          series={[{ name: `Unanswered after ${UNANSWERED_HOURS} h`, values: p.view.weeks.map((w) => (w.unanswered48hShare === null ? null : Math.round(w.unanswered48hShare * 1000) / 10)) }]}
          csvHref={csv('weeks')}
        />
        <p><a href={csv('weeks')}>Download CSV: per week</a> · <a href={csv('months')}>per month</a></p>
      </section>
      <section aria-labelledby="resp-groups">
        <h2 id="resp-groups">Who gets answered</h2>
        <p class="meta">
          Newcomers asked within {NEWCOMER_DAYS} days of joining the community.
          {p.individuals ? ' As a steward you see every group.' : ` Disciplines with fewer than ${MIN_GROUP_ASKERS} askers are counted under “Other”, and a group still that small shows no times, so no one’s figures can be picked out.`}
        </p>
        <GroupTable id="resp-tenure" caption="Response times: newcomers and established members" groups={p.view.groups.tenure} csvHref={csv('by-tenure')} />
        <GroupTable id="resp-discipline" caption="Response times by the asker’s discipline" groups={p.view.groups.discipline} csvHref={csv('by-discipline')} />
      </section>
    </HealthShell>
  );
}

/** One table of asker groups with its CSV link. */
export function GroupTable(p: { id: string; caption: string; groups: readonly GroupFigures[]; csvHref?: string }) {
  return (
    <div class="table-wrap" id={p.id} tabIndex={0}>
      <table class="table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Askers</th>
            <th scope="col">Questions</th>
            <th scope="col">Median to first response</th>
            <th scope="col">90th percentile</th>
            <th scope="col">Median to accepted answer</th>
            <th scope="col">Unanswered after {UNANSWERED_HOURS} h</th>
          </tr>
        </thead>
        <tbody>
          {p.groups.length === 0 ? (
            <tr><td colSpan={7}>No questions in this period.</td></tr>
          ) : (
            p.groups.map((g) => (
              <tr>
                <th scope="row">{g.group}</th>
                <td>{g.askers}</td>
                <td>{g.questions}</td>
                {g.withheld ? (
                  <td colSpan={4}>Not shown: fewer than {MIN_GROUP_ASKERS} askers</td>
                ) : (
                  <>
                    <td>{fmtHours(g.medianFirstResponseHours)}</td>
                    <td>{fmtHours(g.p90FirstResponseHours)}</td>
                    <td>{fmtHours(g.medianAcceptedHours)}</td>
                    <td>{fmtShare(g.unanswered48hShare)}</td>
                  </>
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {p.csvHref ? <p><a href={p.csvHref}>Download CSV</a></p> : null}
    </div>
  );
}
