import { Avatar, EmptyState, Pager } from '../core/views/components.tsx';
import type { PersonSummary } from './people.schema.ts';

function PersonCard({ p }: { p: PersonSummary }) {
  const facts = [p.discipline, p.location].filter(Boolean).join(' · ');
  return (
    <li class="card person-card">
      <div class="person">
        <Avatar name={p.displayName} />
        <div>
          <a class="person-card__name" href={`/u/${p.username}`}>
            {p.displayName}
          </a>
          <p class="meta">
            @{p.username}
            {p.role === 'admin' && <> · <span class="badge">Admin</span></>}
          </p>
          {p.headline && <p class="person-card__headline">{p.headline}</p>}
          {facts && <p class="person-card__facts">{facts}</p>}
        </div>
      </div>
    </li>
  );
}

/** The member directory: a search box, people as cards, and a next-page link. */
export function MembersPage({ q, people, nextHref, signedIn }: { q: string; people: PersonSummary[]; nextHref: string | null; signedIn: boolean }) {
  return (
    <section>
      <h1>People</h1>
      <p class="meta">Find the person who knows: search by name, skill, discipline, organisation unit or place.</p>
      <nav aria-label="More about people" class="meta">
        <a href="/experts">Find an expert</a> · <a href="/network">The member network</a> · <a href="/mentors">Mentors</a> · <a href="/mentoring">Mentoring</a>
        {signedIn && (
          <>
            {' · '}
            <a href="/me/answer-invitations">Questions you were asked to answer</a>
          </>
        )}
      </nav>
      <form method="get" action="/members" class="filters" role="search">
        <div class="field">
          <label for="f-q">Search people</label>
          <input id="f-q" name="q" type="search" value={q} maxLength={100} />
        </div>
        <button type="submit">Search</button>
        {q && <a href="/members">Clear</a>}
      </form>
      {people.length === 0 ? (
        q ? (
          <EmptyState title={`No one matches “${q}”.`}>
            <p>Try part of a name, a discipline such as “nursing”, or a city.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No members yet — invite the first.">{!signedIn && <p><a href="/signup">Sign up</a> to be the first.</p>}</EmptyState>
        )
      ) : (
        <ul class="card-list grid-2" aria-label="People">
          {people.map((p) => (
            <PersonCard p={p} />
          ))}
        </ul>
      )}
      <Pager nextHref={nextHref} />
    </section>
  );
}
