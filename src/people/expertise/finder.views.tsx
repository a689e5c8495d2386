import type { FieldIssue } from '../../core/http/errors.ts';
import { Avatar, EmptyState, ErrorSummary, Field, Pager, Select } from '../../core/views/components.tsx';
import type { FinderResult } from './finder.service.ts';

/** The finder form's values, as typed. */
export type FinderForm = Record<'q' | 'skill' | 'community' | 'location' | 'timeZone' | 'utcOffsetMin' | 'utcOffsetMax' | 'mentoring', string>;

const mentoringLabels: Record<string, string> = { open: 'Open to mentoring', limited: 'Limited mentoring', not_available: 'Not mentoring now' };

function ExpertCard({ r }: { r: FinderResult }) {
  const facts = [r.location, r.timeZone, r.mentoring ? mentoringLabels[r.mentoring] : null].filter(Boolean).join(' · ');
  return (
    <li class="card person-card">
      <div class="person">
        <Avatar name={r.displayName} />
        <div>
          <a class="person-card__name" href={`/u/${r.username}`}>
            {r.displayName}
          </a>
          {r.headline && <p class="person-card__headline">{r.headline}</p>}
          {facts && <p class="person-card__facts">{facts}</p>}
          <p class="meta">Score {r.score}</p>
          <ul aria-label={`Why ${r.displayName} matched`}>
            {r.reasons.map((w) => (
              <li>{w.url ? <a href={w.url}>{w.label}</a> : w.label}</li>
            ))}
          </ul>
        </div>
      </div>
    </li>
  );
}

/** /experts — find the person who knows: search by skill, tag or text, filter, see why each matched. */
export function FinderPage(p: { form: FinderForm; communities: Array<{ slug: string; name: string }>; results: FinderResult[]; nextHref: string | null; issues: FieldIssue[]; searched: boolean }) {
  const f = p.form;
  return (
    <section>
      <h1>Find an expert</h1>
      <p class="meta">Ranked by demonstrated expertise (accepted answers, votes, endorsed articles, applications — recent counts most) and the skills people declare. Each result says why it matched.</p>
      <ErrorSummary issues={p.issues} />
      <form method="get" action="/experts" class="filters" role="search" aria-label="Find an expert">
        <Field name="q" label="Search" value={f.q} maxLength={200} hint="A skill, a tag, a topic or a name" issues={p.issues} />
        <Field name="skill" label="Skill or tag" value={f.skill} maxLength={60} issues={p.issues} />
        <Select name="community" label="Community" value={f.community} options={[['', 'Any community'], ...p.communities.map((c): [string, string] => [c.slug, c.name])]} />
        <Field name="location" label="Location" value={f.location} maxLength={100} issues={p.issues} />
        <Field name="timeZone" label="Time zone" value={f.timeZone} maxLength={64} hint="For example Europe/Lisbon" issues={p.issues} />
        <Field name="utcOffsetMin" label="UTC offset from (hours)" type="number" value={f.utcOffsetMin} issues={p.issues} />
        <Field name="utcOffsetMax" label="UTC offset to (hours)" type="number" value={f.utcOffsetMax} issues={p.issues} />
        <Select name="mentoring" label="Mentoring" value={f.mentoring} options={[['', 'Any'], ['available', 'Open or limited'], ['open', 'Open'], ['limited', 'Limited']]} />
        <button type="submit">Find</button>
        {p.searched && <a href="/experts">Clear</a>}
      </form>
      {p.results.length === 0 ? (
        <EmptyState title={p.searched ? 'No one matches — try a broader skill or fewer filters' : 'No demonstrated expertise yet — answers, endorsed articles and votes build it'}>
          <p>
            Or browse <a href="/members">all members</a>.
          </p>
        </EmptyState>
      ) : (
        <ul class="card-list grid-2" aria-label="Experts">
          {p.results.map((r) => (
            <ExpertCard r={r} />
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </section>
  );
}
