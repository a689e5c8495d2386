import type { CommunityRow } from '../../communities/communities.access.ts';
import { LineChart, StackedBarChart } from '../charts/charts.tsx';
import { HealthShell } from '../health.views.tsx';
import type { HealthWindow } from '../period.ts';
import type { ActivityView } from './activity.service.ts';

interface Props {
  community: CommunityRow;
  window: HealthWindow;
  refreshedAt: string;
  individuals: boolean;
  view: ActivityView;
}

/** The day chart of people shows the last this many days (the rhythm chart and the CSV: the whole window). */
const RECENT_DAYS = 90;

/** The `?months=` suffix of links on a health page (none for the default 12). */
export const windowQuery = (w: HealthWindow) => (w.months.length === 12 ? '' : `?months=${w.months.length}`);

/** /c/:slug/health/activity: who is active per day, week and month, what is made, and the rhythm. */
export function ActivityPage(p: Props) {
  const csv = (table: string) => `/c/${p.community.slug}/health/activity/${table}.csv${windowQuery(p.window)}`;
  const v = p.view;
  const current = v.months[v.months.length - 1]!;
  const lastWeek = v.weeks[v.weeks.length - 1];
  const total = v.months.reduce((s, m) => s + m.contributions, 0);
  const recent = v.days.slice(-RECENT_DAYS);
  const gapEnds = new Map(v.days.map((d, i) => [d.day, i]));
  const marks = v.rhythm.longGaps.flatMap((g) => {
    const index = gapEnds.get(g.to);
    return index === undefined ? [] : [{ index, note: `${g.days} days without a contribution${g.open ? ' (still running)' : ''}` }];
  });
  return (
    <HealthShell community={p.community} section="activity" window={p.window} refreshedAt={p.refreshedAt} individuals={p.individuals}>
      <section aria-labelledby="act-headline">
        <h2 id="act-headline">At a glance</h2>
        <dl class="stat-cards">
          <div class="stat"><dt>Active this month</dt><dd>{current.activeMembers}</dd></div>
          <div class="stat"><dt>Active this week</dt><dd>{lastWeek?.activeMembers ?? 0}</dd></div>
          <div class="stat"><dt>Contributors this month</dt><dd>{current.contributors}</dd></div>
          <div class="stat"><dt>Contributions in the period</dt><dd>{total}</dd></div>
          <div class="stat"><dt>Usual gap between active days</dt><dd>{v.rhythm.usualGapDays === null ? '–' : `${v.rhythm.usualGapDays} days`}</dd></div>
          <div class="stat"><dt>Long gaps</dt><dd>{v.rhythm.longGaps.length}</dd></div>
        </dl>
        <p class="meta">People only: staff and bot accounts are left out. Active means any act in the community (reading, reacting, posting…); a contribution is a question, answer, reply, discussion, comment, article or event hosted.</p>
      </section>
      <section aria-labelledby="act-people">
        <h2 id="act-people">People active</h2>
        <LineChart title="People active per week" desc={`Distinct people who acted, and who contributed, each week. This week so far: ${lastWeek?.activeMembers ?? 0} active.`} labels={v.weeks.map((w) => w.week)} unit="people" series={[{ name: 'Active', values: v.weeks.map((w) => w.activeMembers) }, { name: 'Contributing', values: v.weeks.map((w) => w.contributors) }]} csvHref={csv('weeks')} />
        <LineChart title="People active per month" desc={`Distinct people who acted, and who contributed, each month. This month: ${current.activeMembers} active, ${current.contributors} contributing.`} labels={v.months.map((m) => m.month)} unit="people" series={[{ name: 'Active', values: v.months.map((m) => m.activeMembers) }, { name: 'Contributing', values: v.months.map((m) => m.contributors) }, { name: 'Joined', values: v.months.map((m) => m.newMembers) }]} csvHref={csv('months')} />
        <LineChart title={`People active per day, last ${recent.length} days`} desc="Distinct people who acted each day (every day of the window is in the CSV)." labels={recent.map((d) => d.day)} unit="people" series={[{ name: 'Active', values: recent.map((d) => d.activeMembers) }]} csvHref={csv('days')} />
      </section>
      <section aria-labelledby="act-made">
        <h2 id="act-made">What was made</h2>
        <StackedBarChart
          title="Contributions per month"
          desc={`Questions, answers, replies and discussions, comments, articles and events hosted each month: ${total} in the period.`}
          labels={v.months.map((m) => m.month)}
          unit="contributions"
          series={[
            { name: 'Questions', values: v.months.map((m) => m.questions) },
            { name: 'Answers', values: v.months.map((m) => m.answers) },
            { name: 'Replies and discussions', values: v.months.map((m) => m.replies) },
            { name: 'Comments', values: v.months.map((m) => m.comments) },
            { name: 'Articles', values: v.months.map((m) => m.articles) },
            { name: 'Events hosted', values: v.months.map((m) => m.events) },
          ]}
          csvHref={csv('months')}
        />
        <div class="table-wrap" tabIndex={0}>
          <table class="table">
            <caption>Activity per month</caption>
            <thead>
              <tr>
                {['Month', 'Members', 'Joined', 'Active', 'Contributing', 'Posts', 'Questions', 'Answers', 'Articles', 'Events'].map((h) => <th scope="col">{h}</th>)}
              </tr>
            </thead>
            <tbody>
              {v.months.map((m) => (
                <tr>
                  <th scope="row">{m.month}</th>
                  {[m.members, m.newMembers, m.activeMembers, m.contributors, m.posts, m.questions, m.answers, m.articles, m.events].map((n) => <td>{n}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>Download CSV: <a href={csv('months')}>per month</a> · <a href={csv('weeks')}>per week</a> · <a href={csv('days')}>per day</a></p>
      </section>
      <section aria-labelledby="act-rhythm">
        <h2 id="act-rhythm">Rhythm</h2>
        <p>
          {v.rhythm.usualGapDays === null
            ? 'Fewer than two days in this period had a contribution, so there is no usual rhythm yet.'
            : `${v.rhythm.activeDays} days had a contribution; the usual gap between them is ${v.rhythm.usualGapDays} days (the median). Gaps longer than ${v.rhythm.factor} × that are flagged on the chart and listed below.`}
        </p>
        <LineChart title="Contributions per day" desc={`Contributions each day; ${marks.length} long gaps are marked where they end.`} labels={v.days.map((d) => d.day)} unit="contributions" series={[{ name: 'Contributions', values: v.days.map((d) => d.contributions) }]} marks={marks} csvHref={csv('days')} />
        {v.rhythm.longGaps.length === 0 ? (
          <p class="empty">No long gaps in this period.</p>
        ) : (
          <div class="table-wrap" tabIndex={0}>
            <table class="table">
              <caption>Long gaps</caption>
              <thead>
                <tr>
                  <th scope="col">Last active day</th>
                  <th scope="col">Next active day</th>
                  <th scope="col">Days</th>
                </tr>
              </thead>
              <tbody>
                {v.rhythm.longGaps.map((g) => (
                  <tr>
                    <th scope="row">{g.from}</th>
                    <td>{g.open ? `none yet (today ${g.to})` : g.to}</td>
                    <td>{g.days}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p><a href={csv('gaps')}>Download CSV: long gaps</a></p>
      </section>
    </HealthShell>
  );
}
