import type { CommunityRow } from '../../communities/communities.access.ts';
import { LineChart, StackedBarChart } from '../charts/charts.tsx';
import { HealthShell } from '../health.views.tsx';
import type { HealthWindow } from '../period.ts';
import type { KnowledgeDto } from './knowledge.schema.ts';

interface Props {
  community: CommunityRow;
  window: HealthWindow;
  refreshedAt: string;
  individuals: boolean;
  k: KnowledgeDto;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const quiet = (days: number | null) => (days === null ? 'no activity recorded' : `quiet for ${days} days`);
const Person = ({ p }: { p: { username: string; displayName: string } }) => <a href={`/u/${p.username}`}>{p.displayName}</a>;

/** /c/:slug/health/knowledge: articles created vs reused, most reused, due for review, knowledge at risk. */
export function KnowledgeHealthPage(p: Props) {
  const k = p.k;
  const q = p.window.months.length === 12 ? '' : `?months=${p.window.months.length}`;
  const csv = (table: string) => `/c/${p.community.slug}/health/knowledge/${table}.csv${q}`;
  const labels = k.monthly.map((m) => m.month);
  return (
    <HealthShell community={p.community} section="knowledge" window={p.window} refreshedAt={p.refreshedAt} individuals={p.individuals}>
      <section aria-labelledby="kn-glance">
        <h2 id="kn-glance">At a glance</h2>
        <dl class="stat-cards">
          <div class="stat"><dt>Articles created</dt><dd>{k.totals.articlesCreated}</dd></div>
          <div class="stat"><dt>Reuse events</dt><dd>{k.totals.reuseEvents}</dd></div>
          <div class="stat"><dt>Tags at risk</dt><dd>{k.atRisk.length}</dd></div>
          <div class="stat"><dt>Practices due for review</dt><dd>{k.dueForReview.length}</dd></div>
        </dl>
        <p class="meta">Reuse is an article viewed by a signed-in member (once a day each; authors’ own views and anonymous readers are not counted), a link to it from a post or another article, or a member saying “I applied this”.</p>
      </section>

      <section aria-labelledby="kn-reuse">
        <h2 id="kn-reuse">Created and reused</h2>
        <LineChart
          title="Articles created and reused per month"
          desc={`Articles created and reuse events of the community’s articles each month: ${k.totals.articlesCreated} created and ${k.totals.reuseEvents} reuse events in the period.`}
          labels={labels}
          unit="per month"
          series={[{ name: 'Articles created', values: k.monthly.map((m) => m.articlesCreated) }, { name: 'Reuse events', values: k.monthly.map((m) => m.reuseEvents) }]}
          csvHref={csv('months')}
        />
        <StackedBarChart
          title="How articles were reused"
          desc={`Views, links and “I applied this” per month: ${k.totals.views} views, ${k.totals.links} links, ${k.totals.applied} applied.`}
          labels={labels}
          unit="reuse events"
          series={[{ name: 'Views', values: k.monthly.map((m) => m.views) }, { name: 'Links', values: k.monthly.map((m) => m.links) }, { name: 'Applied', values: k.monthly.map((m) => m.applied) }]}
          csvHref={csv('months')}
        />
      </section>

      <section aria-labelledby="kn-top">
        <h2 id="kn-top">Most reused articles</h2>
        {k.mostReused.length === 0 ? (
          <p>No article was reused in this period.</p>
        ) : (
          <div class="table-wrap" tabIndex={0}>
            <table class="table">
              <caption>The {k.mostReused.length} articles with the most reuse events in the period</caption>
              <thead><tr><th scope="col">Article</th><th scope="col">Views</th><th scope="col">Links</th><th scope="col">Applied</th><th scope="col">Reuse events</th></tr></thead>
              <tbody>
                {k.mostReused.map((a) => (
                  <tr><th scope="row"><a href={a.url}>{a.title}</a></th><td>{a.views}</td><td>{a.links}</td><td>{a.applied}</td><td>{a.reuseEvents}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p><a href={csv('most-reused')}>Download CSV</a></p>
      </section>

      <section aria-labelledby="kn-due">
        <h2 id="kn-due">Endorsed practices due for review</h2>
        {k.dueForReview.length === 0 ? (
          <p>No endorsed practice falls due for review in the next {k.rules.dueWithinDays} days.</p>
        ) : (
          <div class="table-wrap" tabIndex={0}>
            <table class="table">
              <caption>Due within {k.rules.dueWithinDays} days, past due, or flagged for review</caption>
              <thead><tr><th scope="col">Article</th><th scope="col">Review due</th><th scope="col">Status</th><th scope="col">Owners</th></tr></thead>
              <tbody>
                {k.dueForReview.map((d) => (
                  <tr>
                    <th scope="row"><a href={d.url}>{d.title}</a></th>
                    <td>{d.reviewDueAt ? <time dateTime={d.reviewDueAt}>{d.reviewDueAt.slice(0, 10)}</time> : '–'}</td>
                    <td>{d.state === 'needs_review' ? 'Needs review' : d.overdue ? 'Past due' : 'Due soon'}</td>
                    <td>{d.owners.map((o, i) => <>{i > 0 ? ', ' : ''}<Person p={o} /></>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p><a href={csv('due-for-review')}>Download CSV</a></p>
      </section>

      <AtRisk k={k} individuals={p.individuals} csv={csv} />
    </HealthShell>
  );
}

function AtRisk({ k, individuals, csv }: { k: KnowledgeDto; individuals: boolean; csv: (t: string) => string }) {
  return (
    <section aria-labelledby="kn-risk">
      <h2 id="kn-risk">Knowledge at risk</h2>
      <p class="meta">
        A tag is at risk when one or two members hold at least {percent(k.rules.concentrationShare)} of its demonstrated expertise (over at least {k.rules.minEvidence} pieces of evidence) and all of them have been quiet in the community for {k.rules.quietDays} days or more. {k.concentratedTags} {k.concentratedTags === 1 ? 'tag has' : 'tags have'} concentrated expertise; {k.atRisk.length} of them {k.atRisk.length === 1 ? 'is' : 'are'} at risk.
      </p>
      {k.atRisk.length === 0 ? (
        <p>No tag is at risk.</p>
      ) : (
        <div class="table-wrap" tabIndex={0}>
          <table class="table">
            <caption>Tags whose expertise sits with quiet members</caption>
            <thead>
              <tr>
                <th scope="col">Tag</th><th scope="col">Held by</th><th scope="col">Share held</th><th scope="col">Evidence</th><th scope="col">Quiet</th>
                {individuals && <><th scope="col">Experts</th><th scope="col">Suggested apprentices</th></>}
              </tr>
            </thead>
            <tbody>
              {k.atRisk.map((r) => (
                <tr>
                  <th scope="row">{r.tag}</th>
                  <td>{r.experts === 1 ? 'one member' : 'two members'}</td>
                  <td>{percent(r.share)}</td>
                  <td>{r.evidence}</td>
                  <td>{quiet(r.quietDays)}</td>
                  {individuals && (
                    <>
                      <td>{r.people?.experts.map((e, i) => <>{i > 0 ? ', ' : ''}<Person p={e} /></>)}</td>
                      <td>{r.people && r.people.apprentices.length > 0 ? r.people.apprentices.map((a, i) => <>{i > 0 ? ', ' : ''}<Person p={a} /></>) : 'nobody active in this tag yet'}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={csv('at-risk')}>Download CSV</a>
        {individuals && <> · <a href={csv('at-risk-people')}>Download experts and apprentices (CSV)</a></>}
      </p>
    </section>
  );
}
