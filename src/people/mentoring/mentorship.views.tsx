import type { FieldIssue } from '../../core/http/errors.ts';
import { EmptyState, ErrorSummary, Field, Pager, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { Proposal } from './mentoring.matching.ts';
import { skillList } from './mentoring.views.tsx';
import type { Checkin, Feedback, Goal, Mentorship } from './mentorships.store.ts';
import { MENTORING_LIMITS as L } from './offers.service.ts';
import type { MentoringRequest } from './requests.store.ts';

function Html({ html }: { html: string }) {
  // Rendered and sanitised at write time by src/core/markdown (raw HTML off).
  return <div class="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Proposals({ ctx, r, proposals }: { ctx: ViewContext; r: MentoringRequest; proposals: Proposal[] }) {
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Proposed mentors</h2>
      {proposals.length === 0 ? (
        <EmptyState title="No mentor with a free place offers these skills yet">
          <a href="/mentors">Browse all mentors</a>
        </EmptyState>
      ) : (
        <ol class="card-list">
          {proposals.map((p) => (
            <li class="card">
              <h3>
                <a href={`/u/${p.username}`}>{p.displayName}</a>
              </h3>
              <ul>
                {p.reasons.map((why) => (
                  <li>{why}</li>
                ))}
              </ul>
              <PostForm ctx={ctx} action={`/mentoring/requests/${r.id}/ask`} class="inline-form">
                <input type="hidden" name="mentor" value={p.username} />
                <button class="button button--small" type="submit">
                  Ask {p.displayName}
                </button>
              </PostForm>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A mentoring request, for its mentee (proposals, withdraw) or the mentor it names (accept, decline). */
export function RequestPage(p: { ctx: ViewContext; me: number; r: MentoringRequest; community: { slug: string; name: string } | null; proposals: Proposal[] | null }) {
  const { r } = p;
  const mine = r.mentee.id === p.me;
  const act = (path: string, label: string, cls = 'button button--small') => (
    <PostForm ctx={p.ctx} action={`/mentoring/requests/${r.id}/${path}`} class="inline-form">
      <button class={cls} type="submit">
        {label}
      </button>
    </PostForm>
  );
  return (
    <>
      <p>
        <a href="/mentoring">Mentoring</a>
      </p>
      <h1>Mentoring in {skillList(r.skills)}</h1>
      <p class="meta">
        {mine ? 'You asked' : `${r.mentee.displayName} asks`} {r.mentor ? (mine ? r.mentor.displayName : 'you') : 'no one yet'} · <span class="badge">{r.state}</span> · <TimeAgo at={r.createdAt} />
        {p.community && <> · in <a href={`/c/${p.community.slug}`}>{p.community.name}</a></>}
      </p>
      <h2>Goals</h2>
      <Html html={r.goalsHtml} />
      <div class="actions">
        {!mine && r.state === 'pending' && (
          <>
            {act('accept', 'Accept')}
            {act('decline', 'Decline', 'button button--small button--secondary')}
          </>
        )}
        {mine && ['open', 'pending', 'declined'].includes(r.state) && act('withdraw', 'Withdraw the request', 'button button--small button--secondary')}
      </div>
      {p.proposals && <Proposals ctx={p.ctx} r={r} proposals={p.proposals} />}
    </>
  );
}

function Goals({ ctx, m, goals, issues }: { ctx: ViewContext; m: Mentorship; goals: Goal[]; issues: FieldIssue[] }) {
  const active = m.state === 'active';
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading">Goals</h2>
      {goals.length === 0 ? (
        <p class="meta">No goals yet — write down the first.</p>
      ) : (
        <ul class="topic-list">
          {goals.map((g) => (
            <li>
              <span>{g.done ? '✓ ' : ''}{g.title}</span>
              {g.done && <span class="visually-hidden"> (done)</span>}
              {active && (
                <PostForm ctx={ctx} action={`/mentoring/${m.id}/goals/${g.id}`} class="inline-form">
                  <input type="hidden" name="done" value={g.done ? '0' : '1'} />
                  <button class="link-button" type="submit" aria-label={`${g.done ? 'Reopen' : 'Tick'}: ${g.title}`}>
                    {g.done ? 'Reopen' : 'Tick'}
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {active && (
        <PostForm ctx={ctx} action={`/mentoring/${m.id}/goals`} aria-label="Add a goal">
          <Field name="title" label="New goal" issues={issues} required maxLength={L.goalTitleMax} />
          <button class="button button--small" type="submit">
            Add the goal
          </button>
        </PostForm>
      )}
    </section>
  );
}

function FeedbackFields({ issues }: { issues: FieldIssue[] }) {
  return (
    <>
      <div class="field">
        <label for="f-rating">
          Rating<span class="field__optional"> (optional)</span>
        </label>
        <select id="f-rating" name="rating">
          <option value="">No rating</option>
          {[5, 4, 3, 2, 1].map((n) => (
            <option value={String(n)}>{`${n} of 5`}</option>
          ))}
        </select>
      </div>
      <Field name="feedback" label="Feedback" issues={issues} multiline rows={3} maxLength={L.feedbackMax} hint="What went well, what could be better. Only the two of you see it." />
    </>
  );
}

/** A mentorship: goals, private check-ins, the end with feedback. Only its mentor and mentee get here. */
export function MentorshipPage(p: { ctx: ViewContext; me: number; m: Mentorship; goals: Goal[]; checkins: Checkin[]; feedback: Feedback[]; nextHref: string | null; issues: FieldIssue[] }) {
  const { m } = p;
  const active = m.state === 'active';
  const gaveFeedback = p.feedback.some((f) => f.author.id === p.me);
  return (
    <>
      <p>
        <a href="/mentoring">Mentoring</a>
      </p>
      <h1>
        {m.mentor.displayName} mentoring {m.mentee.displayName}
      </h1>
      <p class="meta">
        <span class="badge">{m.state}</span> · started <TimeAgo at={m.startedAt} />
        {m.endedAt && <> · ended <TimeAgo at={m.endedAt} /></>} · private to the two of you
      </p>
      <ErrorSummary issues={p.issues} />
      <Goals ctx={p.ctx} m={m} goals={p.goals} issues={p.issues} />
      <section aria-labelledby="checkins-heading">
        <h2 id="checkins-heading">Check-ins</h2>
        {active && (
          <PostForm ctx={p.ctx} action={`/mentoring/${m.id}/checkins`} aria-label="Write a check-in">
            <Field name="body" label="New check-in" issues={p.issues} required multiline rows={4} maxLength={L.checkinMax} hint="What you worked on, what is next. Markdown works." />
            <button class="button button--small" type="submit">
              Save the check-in
            </button>
          </PostForm>
        )}
        {p.checkins.length === 0 ? (
          <p class="meta">No check-ins yet.</p>
        ) : (
          <ol class="card-list">
            {p.checkins.map((c) => (
              <li class="card">
                <p class="meta">
                  {c.author.displayName} · <TimeAgo at={c.at} />
                </p>
                <Html html={c.bodyHtml} />
              </li>
            ))}
          </ol>
        )}
        <Pager nextHref={p.nextHref} />
      </section>
      {p.feedback.length > 0 && (
        <section aria-labelledby="feedback-heading">
          <h2 id="feedback-heading">Feedback</h2>
          <ul class="card-list">
            {p.feedback.map((f) => (
              <li class="card">
                <p class="meta">
                  {f.author.displayName}
                  {f.rating !== null && ` · ${f.rating} of 5`}
                </p>
                {f.bodyHtml && <Html html={f.bodyHtml} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(active || !gaveFeedback) && (
        <section aria-labelledby="end-heading">
          <h2 id="end-heading">{active ? 'End the mentorship' : 'Your feedback'}</h2>
          <PostForm ctx={p.ctx} action={`/mentoring/${m.id}/${active ? 'end' : 'feedback'}`} aria-label={active ? 'End the mentorship' : 'Give feedback'}>
            <FeedbackFields issues={p.issues} />
            <button class={active ? 'button button--small button--danger' : 'button button--small'} type="submit">
              {active ? 'End the mentorship' : 'Give feedback'}
            </button>
          </PostForm>
        </section>
      )}
    </>
  );
}
