import { Breadcrumbs } from '../../core/views/components.tsx';
import type { HealthWindow } from '../period.ts';
import { CYCLE_TEXT, VALUE_CYCLES } from './value.measures.ts';
import type { SponsorReport } from './value.service.ts';
import { MatrixTable } from './value.views.tsx';
import { STAGE_LABELS } from '../overview/overview.views.tsx';
import type { ReportHealth } from '../overview/report-health.ts';

interface ReportCommunity {
  slug: string;
  name: string;
  domain_statement: string;
  sponsor: string;
}

/** The printable sponsor report: the community, headline figures, the value matrix and selected stories. */
export function ReportPage(p: { community: ReportCommunity; window: HealthWindow; refreshedAt: string; report: SponsorReport; individuals: boolean; health: ReportHealth }) {
  const c = p.community;
  const s = p.report.matrix.summary;
  const first = p.window.months[0];
  const last = p.window.months[p.window.months.length - 1];
  return (
    <div class="sponsor-report">
      <link rel="stylesheet" href="/health/value-report.css" />
      <div class="report-screen-only">
        <Breadcrumbs community={c} trail={[{ href: `/c/${c.slug}/health`, label: 'Health' }, { href: `/c/${c.slug}/health/value`, label: 'Value' }]} />
      </div>
      <header>
        <h1>Value report: {c.name}</h1>
        <p class="meta">
          {first} to {last} · figures as of <time dateTime={p.refreshedAt}>{p.refreshedAt.slice(0, 16).replace('T', ' ')} UTC</time>
        </p>
        <p class="report-screen-only">Print this page, or save it as PDF, from your browser’s print command: navigation is left out of the printout.</p>
      </header>
      <section aria-labelledby="report-community">
        <h2 id="report-community">The community</h2>
        <dl class="report-facts">
          <dt>Domain</dt>
          <dd>{c.domain_statement || 'Not stated'}</dd>
          <dt>Sponsor</dt>
          <dd>{c.sponsor || 'None named'}</dd>
          <dt>Members</dt>
          <dd>{p.report.members}</dd>
          <dt>Period</dt>
          <dd>
            {first} to {last} ({p.window.months.length} months)
          </dd>
        </dl>
      </section>
      <section aria-labelledby="report-headline">
        <h2 id="report-headline">Headline figures</h2>
        <dl class="stat-cards">
          <div class="stat">
            <dt>Value stories</dt>
            <dd>{s.stories}</dd>
          </div>
          {VALUE_CYCLES.map((cy) => (
            <div class="stat">
              <dt>{CYCLE_TEXT[cy].label}: stories / indicators</dt>
              <dd>
                {s.storiesByCycle[cy]} / {s.indicatorsByCycle[cy]}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section id="report-health" aria-labelledby="report-health-h">
        <h2 id="report-health-h">Stage and health</h2>
        <p>
          <strong>Stage: {STAGE_LABELS[p.health.stage]}.</strong> {p.health.summary} {p.health.reason}
        </p>
        <dl class="stat-cards">
          <div class="stat"><dt>Active members, {p.health.month}</dt><dd>{p.health.activeMembers}<small>{p.health.contributors} contributed</small></dd></div>
          <div class="stat"><dt>Core members</dt><dd>{p.health.core}</dd></div>
          <div class="stat"><dt>Median first response</dt><dd>{p.health.medianFirstResponseHours === null ? '–' : `${p.health.medianFirstResponseHours.toFixed(1)} h`}</dd></div>
          <div class="stat"><dt>Tags at risk</dt><dd>{p.health.atRiskTags}</dd></div>
        </dl>
        {p.health.signals.length === 0 ? (
          <p>No warning signs in the last three months.</p>
        ) : (
          <>
            <p>Warning signs in the last three months:</p>
            <ul>
              {p.health.signals.map((s) => (
                <li>{s}</li>
              ))}
            </ul>
          </>
        )}
        <p class="report-screen-only">
          More in the <a href={`/c/${c.slug}/health`}>health overview</a>.
        </p>
      </section>
      <section aria-labelledby="report-matrix">
        <h2 id="report-matrix">Value matrix</h2>
        <MatrixTable matrix={p.report.matrix} caption="Stories and indicators per value-creation cycle" csvHref={`/c/${c.slug}/health/value/matrix.csv${p.window.months.length === 12 ? '' : `?months=${p.window.months.length}`}`} />
      </section>
      <section aria-labelledby="report-stories">
        <h2 id="report-stories">Selected stories</h2>
        {p.report.stories.length === 0 ? (
          <p>No stories were recorded in this period.</p>
        ) : (
          p.report.stories.map(({ story, links, why }) => (
            <article class="report-story" aria-labelledby={`report-story-${story.id}`}>
              <h3 id={`report-story-${story.id}`}>
                <a href={`/c/${c.slug}/value-stories/${story.id}`}>{story.title}</a>
              </h3>
              <p class="meta">
                {why === 'recent' ? 'Recent' : 'Among the most linked'} · {story.cycles.map((cy) => CYCLE_TEXT[cy].label).join(', ')}
                {p.individuals && ` · by ${story.author.displayName}`}
              </p>
              <dl>
                <dt>What happened</dt>
                <dd>{story.happened}</dd>
                <dt>What it gave</dt>
                <dd>{story.gained}</dd>
                {story.applied && <dt>What was done differently</dt>}
                {story.applied && <dd>{story.applied}</dd>}
                {story.realized && <dt>What difference it made</dt>}
                {story.realized && <dd>{story.realized}</dd>}
                {story.reframing && <dt>How success was redefined</dt>}
                {story.reframing && <dd>{story.reframing}</dd>}
              </dl>
              {links.length > 0 && <p class="meta">Linked: {links.map((l) => l.title).join(' · ')}</p>}
            </article>
          ))
        )}
      </section>
    </div>
  );
}

/** Rules of the value matrix and the report, with the report's print rules (a stylesheet: the CSP allows no inline style). */
export const REPORT_CSS = `
.sponsor-report .report-facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
.sponsor-report .report-facts dt { font-weight: 600; }
.sponsor-report .report-story { border-top: 1px solid #ccc; padding-top: .5rem; margin-top: 1rem; }
.sponsor-report .report-story dt { font-weight: 600; }
.value-matrix .value-matrix__question { display: block; font-weight: normal; margin-top: .25rem; }
@media print {
  .site-header, .site-footer, .skip-link, .flash, .report-screen-only, .health-nav, .health-window { display: none !important; }
  .sponsor-report { font-size: 11pt; color: #000; }
  .sponsor-report a { color: inherit; text-decoration: none; }
  .sponsor-report section, .sponsor-report .report-story, .value-matrix tr { break-inside: avoid; }
  .sponsor-report h2 { break-after: avoid; }
}
`;
