import { BarChart } from '../charts/charts.tsx';
import type { OrganisationRow, SpannerRow } from './org.service.ts';
import { STAGES } from './stage.ts';
import { STAGE_LABELS } from './overview.views.tsx';

const pct = (x: number | null) => (x === null ? '–' : `${x >= 0 ? '+' : ''}${Math.round(x * 100)}%`);

/** /health: every community the reader may read, side by side, and the people who connect them. */
export function OrganisationHealthPage({ refreshedAt, communities, spanners }: { refreshedAt: string; communities: OrganisationRow[]; spanners: SpannerRow[] | null }) {
  const estimated = communities.filter((c) => c.stage !== null);
  return (
    <div class="health">
      <h1>Health across the organisation</h1>
      <p class="meta">
        Every community you can read, from the estimates the analytics refresh keeps (each at most an hour old) · figures as of{' '}
        <time dateTime={refreshedAt}>{refreshedAt.slice(0, 16).replace('T', ' ')} UTC</time>
      </p>
      {communities.length === 0 ? (
        <p class="empty">There is no community you can read yet.</p>
      ) : (
        <>
          <BarChart
            title="Communities at each lifecycle stage"
            desc={`${estimated.length} of ${communities.length} communities have a stage estimate.`}
            labels={STAGES.map((s) => STAGE_LABELS[s])}
            unit="communities"
            values={STAGES.map((s) => estimated.filter((c) => c.stage === s).length)}
          />
          <div class="table-wrap" tabIndex={0}>
            <table class="table">
              <caption>Communities side by side</caption>
              <thead>
                <tr>
                  <th scope="col">Community</th>
                  <th scope="col">Stage</th>
                  <th scope="col" class="num">Members</th>
                  <th scope="col" class="num">Active</th>
                  <th scope="col" class="num">Growth, 3 months</th>
                  <th scope="col" class="num">Core</th>
                  <th scope="col" class="num">Median first response</th>
                  <th scope="col" class="num">Tags at risk</th>
                  <th scope="col">Warning signs</th>
                </tr>
              </thead>
              <tbody>
                {communities.map((c) => (
                  <tr>
                    <th scope="row">
                      <a href={`/c/${c.slug}/health`}>{c.name}</a>
                      {c.visibility === 'private' && <span class="badge badge--private">private</span>}
                    </th>
                    <td>{c.stage ? <span title={c.reason ?? undefined}>{STAGE_LABELS[c.stage]}</span> : 'not estimated yet'}</td>
                    <td class="num">{c.memberCount}</td>
                    <td class="num">{c.activeMembers ?? '–'}</td>
                    <td class="num">{pct(c.growth)}</td>
                    <td class="num">{c.core ?? '–'}</td>
                    <td class="num">{c.medianFirstResponseHours === null ? '–' : `${c.medianFirstResponseHours.toFixed(1)} h`}</td>
                    <td class="num">{c.atRiskTags ?? '–'}</td>
                    <td>{c.signals.length === 0 ? 'none' : c.signals.map((s) => s.text).join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="chart__csv">
            <a href="/health/communities.csv" download>
              Download CSV<span class="visually-hidden"> of the communities side by side</span>
            </a>
          </p>
        </>
      )}
      <section aria-labelledby="spanners-h">
        <h2 id="spanners-h">Boundary spanners</h2>
        <p>People with strong ties into two or more of these communities: they carry practice across boundaries.</p>
        {spanners === null ? (
          <p class="empty">
            The member network has not been computed for you yet: <a href="/network">open the network</a> to compute it.
          </p>
        ) : spanners.length === 0 ? (
          <p class="empty">Nobody has strong ties into two communities yet.</p>
        ) : (
          <ul>
            {spanners.map((s) => (
              <li>
                <a href={`/u/${s.username}`}>{s.displayName}</a> — {s.communities.map((c) => c.name).join(', ')}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/network">The whole member network</a>
        </p>
      </section>
    </div>
  );
}
