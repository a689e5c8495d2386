import type { CommunityRow } from '../../communities/communities.access.ts';
import { LineChart, StackedBarChart } from '../charts/charts.tsx';
import { HealthShell } from '../health.views.tsx';
import type { HealthWindow } from '../period.ts';
import type { PlacedMember } from './activity.read.ts';
import { windowQuery } from './activity.views.tsx';
import { LEVELS, PLACES, type Level, type Place } from './levels.ts';
import { NAMED_PER_LEVEL, type ParticipationView } from './participation.service.ts';

interface Props {
  community: CommunityRow;
  window: HealthWindow;
  refreshedAt: string;
  individuals: boolean;
  view: ParticipationView;
}

const LABEL: Record<Place | 'inactive', string> = { core: 'Core', active: 'Active', occasional: 'Occasional', peripheral: 'Peripheral', transactional: 'Transactional', none: 'No activity', inactive: 'Inactive members' };
const pct = (s: number) => `${Math.round(s * 1000) / 10}%`;

/** /c/:slug/health/participation: levels, flows between them, and how evenly people contribute. */
export function ParticipationPage(p: Props) {
  const csv = (table: string) => `/c/${p.community.slug}/health/participation/${table}.csv${windowQuery(p.window)}`;
  const v = p.view;
  const now = v.months[v.months.length - 1]!;
  const ineq = v.inequality[v.inequality.length - 1]!;
  const labels = v.months.map((m) => m.month);
  return (
    <HealthShell community={p.community} section="participation" window={p.window} refreshedAt={p.refreshedAt} individuals={p.individuals}>
      <section aria-labelledby="part-levels">
        <h2 id="part-levels">Participation levels</h2>
        <p class="meta">
          Over the trailing three months, people only. Core: contributed in each of the three months and at least 10 times. Active: at least 3 contributions, or contributions in 2 of the 3 months. Occasional: 1–2 contributions. Peripheral: acted (read, reacted…) without contributing. Transactional: not a member, or a member whose only contribution was one question with no reaction to anything. Inactive: members who did nothing.
        </p>
        <dl class="stat-cards">
          {LEVELS.map((l) => (
            <div class="stat"><dt>{LABEL[l]} in {v.month}</dt><dd>{now.levels[l]} <span class="meta">({pct(now.shares[l])})</span></dd></div>
          ))}
          <div class="stat"><dt>{LABEL.inactive}</dt><dd>{now.inactive} <span class="meta">({pct(now.shares.inactive)})</span></dd></div>
        </dl>
        <StackedBarChart title="Share of people at each level, per month" desc={`In ${v.month}: ${LEVELS.map((l) => `${now.levels[l]} ${l}`).join(', ')}, ${now.inactive} inactive.`} labels={labels} percent series={[...LEVELS.map((l) => ({ name: LABEL[l], values: v.months.map((m) => m.levels[l]) })), { name: LABEL.inactive, values: v.months.map((m) => m.inactive) }]} csvHref={csv('levels')} />
        <LineChart title="Moves between levels, per month" desc={`From the month before to ${v.month}: ${now.movedInward} moved inward, ${now.held} held, ${now.movedOutward} moved outward.`} labels={labels} unit="people" series={[{ name: 'Moved inward', values: v.months.map((m) => m.movedInward) }, { name: 'Held', values: v.months.map((m) => m.held) }, { name: 'Moved outward', values: v.months.map((m) => m.movedOutward) }]} csvHref={csv('levels')} />
        <FlowTable flows={v.flows} month={v.month} />
        <p>Download CSV: <a href={csv('levels')}>levels per month</a> · <a href={csv('flows')}>flows into {v.month}</a></p>
      </section>
      <section aria-labelledby="part-inequality">
        <h2 id="part-inequality">How evenly people contribute</h2>
        <p class="meta">Over the trailing three months, among members at the end of the month (those who contributed nothing included) and non-members who contributed: {ineq.population} people.</p>
        <dl class="stat-cards">
          <div class="stat"><dt>Gini coefficient</dt><dd>{ineq.gini.toFixed(2)}</dd></div>
          <div class="stat"><dt>Share from the top 1%</dt><dd>{pct(ineq.top1Share)}</dd></div>
          <div class="stat"><dt>Share from the next 9%</dt><dd>{pct(ineq.next9Share)}</dd></div>
          <div class="stat"><dt>Share from the other 90%</dt><dd>{pct(ineq.restShare)}</dd></div>
          <div class="stat"><dt>People who contributed nothing</dt><dd>{pct(ineq.zeroShare)}</dd></div>
          <div class="stat"><dt>Absence factor</dt><dd>{ineq.absenceFactor}</dd></div>
        </dl>
        <p class="meta">The Gini coefficient is 0 when everyone contributes equally and near 1 when one person makes everything. The absence factor is the fewest people who together made half the contributions: how few absences would halve the community’s output.</p>
        <LineChart title="Gini coefficient of contributions, per month" desc={`Trailing three months. In ${v.month}: ${ineq.gini.toFixed(2)}.`} labels={labels} series={[{ name: 'Gini', values: v.inequality.map((i) => Math.round(i.gini * 1000) / 1000) }]} csvHref={csv('inequality')} />
        <p><a href={csv('inequality')}>Download CSV: inequality per month</a></p>
      </section>
      {v.members && v.absence ? <Named members={v.members} absence={v.absence} month={v.month} membersCsv={csv('members')} absenceCsv={csv('absence')} /> : null}
    </HealthShell>
  );
}

function FlowTable(p: { flows: ParticipationView['flows']; month: string }) {
  const n = (from: Place, to: Place) => p.flows.find((f) => f.from === from && f.to === to)?.members ?? 0;
  return (
    <div class="table-wrap" tabIndex={0}>
      <table class="table">
        <caption>Flows into {p.month}: rows are the level the month before, columns the level now</caption>
        <thead>
          <tr>
            <td />
            {PLACES.map((to) => <th scope="col">{LABEL[to]}</th>)}
          </tr>
        </thead>
        <tbody>
          {PLACES.map((from) => (
            <tr>
              <th scope="row">{LABEL[from]}</th>
              {PLACES.map((to) => <td>{from === 'none' && to === 'none' ? '–' : n(from, to)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Named(p: { members: Record<Level, PlacedMember[]>; absence: PlacedMember[]; month: string; membersCsv: string; absenceCsv: string }) {
  return (
    <section aria-labelledby="part-named">
      <h2 id="part-named">Who is where ({p.month})</h2>
      <p class="meta">Stewards only. Up to {NAMED_PER_LEVEL} people per level, most contributions first; the CSV has everyone.</p>
      <h3>The absence factor: {p.absence.length} people made half the contributions</h3>
      <MemberTable caption="People who together made half the contributions" members={p.absence} />
      <p><a href={p.absenceCsv}>Download CSV: absence factor</a></p>
      {LEVELS.map((l) => (
        <>
          <h3>{LABEL[l]} ({p.members[l].length})</h3>
          {p.members[l].length === 0 ? <p class="empty">Nobody.</p> : <MemberTable caption={`${LABEL[l]} in ${p.month}`} members={p.members[l]} />}
        </>
      ))}
      <p><a href={p.membersCsv}>Download CSV: everyone’s level</a></p>
    </section>
  );
}

function MemberTable(p: { caption: string; members: PlacedMember[] }) {
  return (
    <div class="table-wrap" tabIndex={0}>
      <table class="table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Level</th>
            <th scope="col">Contributions (3 months)</th>
          </tr>
        </thead>
        <tbody>
          {p.members.map((m) => (
            <tr>
              <th scope="row"><a href={`/u/${m.username}`}>{m.displayName}</a></th>
              <td>{LABEL[m.level]}</td>
              <td>{m.contributions}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
