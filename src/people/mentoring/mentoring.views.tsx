import { timeZoneOptions } from '../../accounts/accounts.rules.ts';
import type { FieldIssue } from '../../core/http/errors.ts';
import { EmptyState, ErrorSummary, Field, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { Mentorship } from './mentorships.store.ts';
import { MENTORING_LIMITS as L } from './offers.service.ts';
import type { Offer } from './offers.store.ts';
import type { MentoringRequest } from './requests.store.ts';

export const skillList = (skills: Array<{ skill: string }>) => skills.map((s) => s.skill).join(', ');
const places = (free: number, capacity: number) => `${free} of ${capacity} ${capacity === 1 ? 'place' : 'places'} free`;

/** A labelled select for a time zone (required). */
export function TimeZoneField({ value, issues }: { value: string; issues: FieldIssue[] }) {
  const issue = issues.find((i) => i.field === 'timeZone');
  return (
    <div class={issue ? 'field field--error' : 'field'}>
      <label for="f-timeZone">Your time zone</label>
      <p class="field__hint" id="f-timeZone-hint">
        Shown with your offer on the mentors page. You are proposed higher to mentees whose working hours overlap yours.
      </p>
      {issue && (
        <p class="field__error" id="f-timeZone-error">
          {issue.message}
        </p>
      )}
      <select id="f-timeZone" name="timeZone" aria-describedby={issue ? 'f-timeZone-hint f-timeZone-error' : 'f-timeZone-hint'} aria-invalid={issue ? 'true' : undefined}>
        {timeZoneOptions(value).map((z) => (
          <option value={z} selected={z === value}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface OfferFormValues {
  skills: string;
  capacity: string;
  timeZone: string;
  note: string;
  active: boolean;
}

/** "Become a mentor" (or change the offer). */
export function OfferForm(p: { ctx: ViewContext; values: OfferFormValues; issues: FieldIssue[]; existing: boolean }) {
  return (
    <section class="card" aria-labelledby="offer-heading">
      <h2 id="offer-heading">{p.existing ? 'Your offer to mentor' : 'Become a mentor'}</h2>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action="/mentoring/offer" aria-label={p.existing ? 'Change your offer to mentor' : 'Become a mentor'}>
        <Field name="skills" label="Skills you can mentor" value={p.values.skills} issues={p.issues} required hint="Separate them with commas, e.g. SQL, flood modelling. Shown on the mentors page and your profile." maxLength={L.skillsMax * (L.skillMax + 2)} />
        <Field name="capacity" label="How many mentees at a time" type="number" value={p.values.capacity} issues={p.issues} required hint={`From ${L.capacityMin} to ${L.capacityMax}.`} />
        <TimeZoneField value={p.values.timeZone} issues={p.issues} />
        <Field name="note" label="A note for mentees" value={p.values.note} issues={p.issues} multiline rows={3} maxLength={L.noteMax} hint="How you like to work, when you are free." />
        <div class="field">
          <label>
            <input type="checkbox" name="active" value="1" checked={p.values.active} /> Taking mentees now
          </label>
        </div>
        <button class="button" type="submit">
          {p.existing ? 'Save the offer' : 'Offer mentoring'}
        </button>
      </PostForm>
    </section>
  );
}

export function RequestItem({ r, me }: { r: MentoringRequest; me: number }) {
  const other = r.mentee.id === me ? r.mentor : r.mentee;
  return (
    <li>
      <div>
        <a class="topic-title" href={`/mentoring/requests/${r.id}`}>
          {skillList(r.skills)}
        </a>{' '}
        <span class="badge">{r.state}</span>
        <p class="meta">
          {r.mentee.id === me ? (other ? `to ${other.displayName}` : 'no mentor asked yet') : `from ${r.mentee.displayName}`} · <TimeAgo at={r.createdAt} />
        </p>
      </div>
    </li>
  );
}

function MentorshipItem({ m, me }: { m: Mentorship; me: number }) {
  const mentoring = m.mentor.id === me;
  return (
    <li>
      <div>
        <a class="topic-title" href={`/mentoring/${m.id}`}>
          {mentoring ? `Mentoring ${m.mentee.displayName}` : `Mentored by ${m.mentor.displayName}`}
        </a>{' '}
        <span class="badge">{m.state}</span>
        <p class="meta">
          started <TimeAgo at={m.startedAt} />
        </p>
      </div>
    </li>
  );
}

/** How many requests of each list the overview shows (it is given one more to know whether to link to the rest). */
export const SHOWN = 10;

/** /mentoring/requests: all requests I made, or that name me as mentor, newest first, paged. */
export function RequestListPage(p: { me: number; as: 'mentee' | 'mentor'; items: MentoringRequest[]; nextHref: string | null }) {
  return (
    <>
      <p>
        <a href="/mentoring">Mentoring</a>
      </p>
      <h1>{p.as === 'mentor' ? 'Requests to you' : 'Your requests'}</h1>
      {p.items.length === 0 ? <EmptyState title={p.as === 'mentor' ? 'No one has asked you yet' : 'You have not asked for mentoring yet'} /> : <ul class="topic-list">{p.items.map((r) => <RequestItem r={r} me={p.me} />)}</ul>}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

/** /mentoring: my mentorships, requests to me, my requests, and my offer. */
export function MentoringPage(p: { ctx: ViewContext; me: number; offer: Offer | undefined; offerForm: OfferFormValues; issues: FieldIssue[]; toMe: MentoringRequest[]; mine: MentoringRequest[]; mentorships: Mentorship[]; nextHref: string | null }) {
  return (
    <>
      <div class="community-heading">
        <h1>Mentoring</h1>
        <a class="button button--small" href="/mentoring/request">
          Ask for mentoring
        </a>
      </div>
      <p>
        <a href="/mentors">Browse mentors</a>
        {p.offer && <> · {places(Math.max(0, p.offer.capacity - p.offer.taken), p.offer.capacity)} in your offer</>}
      </p>
      <section aria-labelledby="ms-heading">
        <h2 id="ms-heading">Your mentorships</h2>
        {p.mentorships.length === 0 ? <EmptyState title="No mentorships yet — ask a mentor, or offer to mentor" /> : <ul class="topic-list">{p.mentorships.map((m) => <MentorshipItem m={m} me={p.me} />)}</ul>}
        <Pager nextHref={p.nextHref} />
      </section>
      <section aria-labelledby="to-me-heading">
        <h2 id="to-me-heading">Requests waiting for you</h2>
        {p.toMe.length === 0 ? <p class="meta">No one is waiting for your answer.</p> : <ul class="topic-list">{p.toMe.slice(0, SHOWN).map((r) => <RequestItem r={r} me={p.me} />)}</ul>}
        {p.toMe.length > SHOWN && <a href="/mentoring/requests?as=mentor">All requests to you</a>}
      </section>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Your requests</h2>
        {p.mine.length === 0 ? <p class="meta">You have not asked for mentoring yet.</p> : <ul class="topic-list">{p.mine.slice(0, SHOWN).map((r) => <RequestItem r={r} me={p.me} />)}</ul>}
        {p.mine.length > SHOWN && <a href="/mentoring/requests?as=mentee">All your requests</a>}
      </section>
      <OfferForm ctx={p.ctx} values={p.offerForm} issues={p.issues} existing={p.offer !== undefined} />
    </>
  );
}

/** /mentors: mentors taking mentees, with their skills and free places. */
export function MentorsPage(p: { offers: Offer[]; skill: string; nextHref: string | null; signedIn: boolean }) {
  return (
    <>
      <h1>Mentors</h1>
      <form method="get" action="/mentors" role="search" aria-label="Find mentors by skill">
        <Field name="skill" label="Skill" value={p.skill} />
        <button class="button button--small" type="submit">
          Find mentors
        </button>
      </form>
      {p.offers.length === 0 ? (
        <EmptyState title={p.skill ? `No mentor with a free place offers “${p.skill}” yet` : 'No mentors with a free place yet — be the first'}>
          <a href="/mentoring">Offer to mentor</a>
        </EmptyState>
      ) : (
        <ul class="card-list">
          {p.offers.map((o) => (
            <li class="card">
              <h2>
                <a href={`/u/${o.username}`}>{o.displayName}</a>
              </h2>
              <p>{skillList(o.skills)}</p>
              <p class="meta">
                {places(o.capacity - o.taken, o.capacity)} · {o.timeZone.replace(/_/g, ' ')}
              </p>
              {o.note && <p>{o.note}</p>}
              {p.signedIn && <a href={`/mentoring/request?mentor=${encodeURIComponent(o.username)}`}>Ask {o.displayName} for mentoring</a>}
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

export interface RequestFormValues {
  goals: string;
  skills: string;
  community: string;
  mentor: string;
}

/** /mentoring/request: goals, skills to learn, optionally a community and a mentor. */
export function RequestFormPage(p: { ctx: ViewContext; values: RequestFormValues; issues: FieldIssue[]; communities: Array<{ slug: string; name: string }> }) {
  return (
    <>
      <h1>Ask for mentoring</h1>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action="/mentoring/request" aria-label="Ask for mentoring">
        <Field name="goals" label="What do you want to get better at?" value={p.values.goals} issues={p.issues} required multiline rows={5} maxLength={L.goalsMax} hint="Your goals. Markdown works." />
        <Field name="skills" label="Skills to learn" value={p.values.skills} issues={p.issues} required hint="Separate them with commas." />
        <div class="field">
          <label for="f-community">
            Community<span class="field__optional"> (optional)</span>
          </label>
          <select id="f-community" name="community">
            <option value="">None</option>
            {p.communities.map((c) => (
              <option value={c.slug} selected={c.slug === p.values.community}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <Field name="mentor" label="Mentor’s username" value={p.values.mentor} issues={p.issues} hint="Leave empty to see proposed mentors first." />
        <button class="button" type="submit">
          Ask
        </button>
      </PostForm>
    </>
  );
}
