import { LineChart } from '../charts/charts.tsx';
import { HealthShell, healthHref, type HealthSection } from '../health.views.tsx';
import type { OverviewMonth } from './inputs.ts';
import type { CommunityOverview } from './overview.service.ts';
import { STAGES, type Stage } from './stage.ts';

export const STAGE_LABELS: Record<Stage, string> = { potential: 'Potential', coalescing: 'Coalescing', maturing: 'Maturing', stewardship: 'Stewardship', transformation: 'Transformation' };

const hours = (h: number | null) => (h === null ? '–' : `${h.toFixed(1)} h`);
const share = (s: number | null) => (s === null ? '–' : `${Math.round(s * 100)}%`);

/** The latest month with a figure (a quiet month has none for response times). */
function latest<K extends keyof OverviewMonth>(months: readonly OverviewMonth[], key: K): OverviewMonth[K] | null {
  for (let i = months.length - 1; i >= 0; i--) if (months[i]![key] !== null) return months[i]![key];
  return null;
}

const SECTIONS: Array<[HealthSection, string]> = [
  ['activity', 'who is active day by day, what gets made, and the rhythm of the community'],
  ['participation', 'core, active, occasional, peripheral and transactional members, how they move, and how evenly the work is shared'],
  ['responsiveness', 'how quickly questions get a first response and an accepted answer'],
  ['newcomers', 'how newcomers find their way in, where they stall, and who stays'],
  ['knowledge', 'articles written and reused, practices due for review, and knowledge at risk'],
  ['inclusion', 'how diverse the members and the contributors are, and whose voice is heard'],
  ['value', 'value-creation stories and indicators, cycle by cycle'],
];

/** /c/:slug/health: the stage with its evidence and playbook, warning signs, headline figures, links. */
export function OverviewPage({ o }: { o: CommunityOverview }) {
  const m = o.months;
  const now = m[m.length - 1]!;
  const q = o.window.months.length === 12 ? '' : `?months=${o.window.months.length}`;
  const labels = m.map((x) => x.month);
  return (
    <HealthShell community={o.community} section="overview" window={o.window} refreshedAt={o.refreshedAt} individuals={o.individuals}>
      <section aria-labelledby="stage-h" class="stage">
        <h2 id="stage-h" class="visually-hidden">
          Lifecycle stage
        </h2>
        <p class="stage__name">Stage: {STAGE_LABELS[o.stage.stage]}</p>
        <ol class="stage-track" aria-label="Lifecycle stages">
          {STAGES.map((s) => (
            <li aria-current={s === o.stage.stage ? 'step' : undefined}>{STAGE_LABELS[s]}</li>
          ))}
        </ol>
        <p>
          {o.stage.summary} {o.stage.reason}
        </p>
        <details>
          <summary>The evidence for {o.stage.month}</summary>
          <div class="table-wrap" tabIndex={0}>
            <table class="table table--compact">
              <caption class="visually-hidden">Readings behind the stage estimate</caption>
              <thead>
                <tr>
                  <th scope="col">Reading</th>
                  <th scope="col">Value</th>
                  <th scope="col">Decided the stage</th>
                </tr>
              </thead>
              <tbody>
                {o.stage.evidence.map((e) => (
                  <tr>
                    <th scope="row">{e.label}</th>
                    <td>{e.value}</td>
                    <td>{e.decisive ? 'yes' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <h3>What stewards can do now</h3>
        <ul>
          {o.stage.playbook.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="signals-h">
        <h2 id="signals-h">Warning signs</h2>
        {o.signals.length === 0 ? (
          <p>No warning signs in the last three months.</p>
        ) : (
          <ul>
            {o.signals.map((s) => (
              <li>{s.text}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="headline-h">
        <h2 id="headline-h">This month</h2>
        <dl class="stat-cards">
          <div class="stat"><dt>Members</dt><dd>{now.members}</dd></div>
          <div class="stat"><dt>Active members</dt><dd>{now.activeMembers}<small>{now.contributors} contributed</small></dd></div>
          <div class="stat"><dt>Core members</dt><dd>{now.core}</dd></div>
          <div class="stat"><dt>Median first response</dt><dd>{hours(latest(m, 'medianFirstResponseHours'))}</dd></div>
          <div class="stat"><dt>Unanswered after 48 h</dt><dd>{share(latest(m, 'unanswered48hShare'))}</dd></div>
          <div class="stat"><dt>Gini of contributions</dt><dd>{now.gini.toFixed(2)}<small>half the work by {now.absenceFactor}</small></dd></div>
          <div class="stat"><dt>Newcomers still active at 90 days</dt><dd>{share(latest(m, 'retention90'))}</dd></div>
          <div class="stat"><dt><a href={healthHref(o.community.slug, 'knowledge')}>Tags at risk</a></dt><dd>{o.atRiskTags}<small>{o.dueForReview} practices due for review</small></dd></div>
          <div class="stat"><dt><a href={healthHref(o.community.slug, 'value')}>Value stories</a></dt><dd>{o.valueStories}<small>in this period</small></dd></div>
        </dl>
      </section>

      <div class="health-grid">
        <LineChart
          title="Members, active people and contributors per month"
          desc={`At the end of ${now.month} the community had ${now.members} members, of whom ${now.activeMembers} were active and ${now.contributors} contributed that month.`}
          labels={labels}
          unit="people"
          series={[
            { name: 'Members', values: m.map((x) => x.members) },
            { name: 'Active', values: m.map((x) => x.activeMembers) },
            { name: 'Contributors', values: m.map((x) => x.contributors) },
          ]}
          csvHref={`/c/${o.community.slug}/health/overview/months.csv${q}`}
        />
        <figure class="chart">
          <figcaption class="chart__title">Stage month by month</figcaption>
          <div class="table-wrap" tabIndex={0}>
            <table class="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Stage</th>
                </tr>
              </thead>
              <tbody>
                {o.history.map((h) => (
                  <tr>
                    <th scope="row">{h.month}</th>
                    <td>{STAGE_LABELS[h.stage]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="chart__csv">
            <a href={`/c/${o.community.slug}/health/overview/stages.csv${q}`} download>
              Download CSV<span class="visually-hidden"> of the stage month by month</span>
            </a>
          </p>
        </figure>
      </div>

      <section aria-labelledby="sections-h">
        <h2 id="sections-h">Look closer</h2>
        <ul class="knowledge-places">
          {SECTIONS.map(([key, what]) => (
            <li>
              <a href={`${healthHref(o.community.slug, key)}${q}`}>{key[0]!.toUpperCase() + key.slice(1)}</a> — {what}
            </li>
          ))}
          <li>
            <a href={`/c/${o.community.slug}/health/report${q}`}>Sponsor report</a> — a printable summary of the value the community creates
          </li>
        </ul>
      </section>
    </HealthShell>
  );
}
