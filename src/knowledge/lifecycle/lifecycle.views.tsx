import type { ComponentChildren } from 'preact';
import type { FieldIssue } from '../../core/http/errors.ts';
import { Breadcrumbs, ErrorSummary, Field, PostForm, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { ArticlesBreadcrumb } from '../articles/articles.views.tsx';
import { stateLabels, type ArticleState } from './lifecycle.rules.ts';
import type { LifecycleView } from './lifecycle.read.ts';

type Community = { slug: string; name: string };
type Ref = { id: number; title: string };

/** What each manual transition is called on its button, and whether it asks for a reason. */
export const actionLabels: Record<ArticleState, { button: string; reasonLabel: string; reasonRequired: boolean }> = {
  proposed: { button: 'Propose for endorsement', reasonLabel: 'Note for endorsers', reasonRequired: false },
  draft: { button: 'Withdraw the proposal', reasonLabel: 'Reason', reasonRequired: false },
  needs_review: { button: 'Flag as outdated', reasonLabel: 'What is outdated?', reasonRequired: true },
  endorsed: { button: 'Re-confirm: still good practice', reasonLabel: 'Note', reasonRequired: false },
  superseded: { button: 'Mark as superseded', reasonLabel: 'Reason', reasonRequired: false },
  archived: { button: 'Archive', reasonLabel: 'Why archive it?', reasonRequired: true },
};

/** The state badge of an article. */
export function StateBadge({ state }: { state: ArticleState }) {
  return <span class={`badge lifecycle-state lifecycle-state--${state}`}>{stateLabels[state]}</span>;
}

function ReasonInput(p: { id: string; label: string; required: boolean; value?: string; issue?: string | undefined }) {
  return (
    <div class={p.issue ? 'field field--error' : 'field'}>
      <label for={p.id}>
        {p.label}
        {!p.required && <span class="field__optional"> (optional)</span>}
      </label>
      {p.issue && (
        <p class="field__error" id={`${p.id}-error`}>
          {p.issue}
        </p>
      )}
      <textarea id={p.id} name="reason" rows={2} maxLength={500} required={p.required} aria-invalid={p.issue ? 'true' : undefined} aria-describedby={p.issue ? `${p.id}-error` : undefined} value={p.value ?? ''} />
    </div>
  );
}

/** One transition form; `idPrefix` keeps ids unique when several forms share a page. */
export function TransitionForm(p: { ctx: ViewContext; action: string; to: ArticleState; candidates: Ref[]; idPrefix: string; values?: { reason: string; successorId: string }; issues?: FieldIssue[] }) {
  const l = actionLabels[p.to];
  const issue = (f: string) => p.issues?.find((i) => i.field === f)?.message;
  const sid = `${p.idPrefix}successorId`;
  return (
    <PostForm ctx={p.ctx} action={p.action} class="lifecycle-form" aria-label={l.button}>
      <input type="hidden" name="to" value={p.to} />
      {p.to === 'superseded' && (
        <div class={issue('successorId') ? 'field field--error' : 'field'}>
          <label for={sid}>Replaced by</label>
          {issue('successorId') && (
            <p class="field__error" id={`${sid}-error`}>
              {issue('successorId')}
            </p>
          )}
          <select id={sid} name="successorId" required aria-invalid={issue('successorId') ? 'true' : undefined} aria-describedby={issue('successorId') ? `${sid}-error` : undefined}>
            <option value="">Choose an article…</option>
            {p.candidates.map((c) => (
              <option value={String(c.id)} selected={p.values?.successorId === String(c.id)}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <ReasonInput id={`${p.idPrefix}reason`} label={l.reasonLabel} required={l.reasonRequired} value={p.values?.reason} issue={issue('reason')} />
      <button class="button button--small button--secondary" type="submit">
        {l.button}
      </button>
    </PostForm>
  );
}

const articleLink = (slug: string, r: Ref) => <a href={`/c/${slug}/a/${r.id}`}>{r.title}</a>;

/** Under the article's title: its state, review date, successor notices and the state changes the viewer may make. */
export function LifecycleHeader(p: { ctx: ViewContext; slug: string; v: LifecycleView; candidates: Ref[] }) {
  const { v } = p;
  const base = `/c/${p.slug}/a/${v.row.id}`;
  return (
    <section class="lifecycle" aria-label="Lifecycle">
      {(v.row.reviewedAt ?? v.row.reviewDueAt) && (
        <p class="meta">
          {v.row.reviewedAt && (
            <>
              Last endorsed <TimeAgo at={v.row.reviewedAt} />
            </>
          )}
          {v.row.reviewedAt && v.row.reviewDueAt && ' · '}
          {v.row.reviewDueAt && (
            <>
              Review due <time datetime={v.row.reviewDueAt}>{v.row.reviewDueAt.slice(0, 10)}</time>
            </>
          )}
        </p>
      )}
      {v.successor && <p class="notice lifecycle-successor">Superseded by {articleLink(p.slug, v.successor)}.</p>}
      {v.supersedes.length > 0 && (
        <p class="meta lifecycle-supersedes">
          Supersedes{' '}
          {v.supersedes.map((s, i) => (
            <>
              {i > 0 && ', '}
              {articleLink(p.slug, s)}
            </>
          ))}
          .
        </p>
      )}
      {/* Proposing a draft is the next step its owners take, so it is in view; other changes are tucked away. */}
      {v.viewer.transitions.includes('proposed') && <TransitionForm ctx={p.ctx} action={`${base}/transition`} to="proposed" candidates={p.candidates} idPrefix="lc-proposed-" />}
      {v.viewer.transitions.some((to) => to !== 'proposed') && (
        <details class="lifecycle-actions">
          <summary>Change the state</summary>
          {v.viewer.transitions
            .filter((to) => to !== 'proposed')
            .map((to) => (
              <TransitionForm ctx={p.ctx} action={`${base}/transition`} to={to} candidates={p.candidates} idPrefix={`lc-${to}-`} />
            ))}
        </details>
      )}
    </section>
  );
}

/** After the article: endorsements (and the viewer's endorse form), the history of state changes, deletion. */
export function LifecycleBelow(p: { ctx: ViewContext; slug: string; v: LifecycleView }) {
  const { v } = p;
  const base = `/c/${p.slug}/a/${v.row.id}`;
  const current = v.endorsements.filter((e) => e.current);
  const earlier = v.endorsements.filter((e) => !e.current);
  const collecting = v.row.state === 'proposed' || v.row.state === 'needs_review';
  return (
    <>
      <section class="lifecycle-endorsements" aria-labelledby="endorsements-heading">
        <h2 id="endorsements-heading">Endorsements</h2>
        {collecting && (
          <p class="meta">
            {v.settings.stewardEndorsement ? 'A steward’s endorsement, or ' : ''}
            {v.settings.endorsementsRequired} endorsement{v.settings.endorsementsRequired === 1 ? '' : 's'} by members with expertise in its tags endorse{v.settings.endorsementsRequired === 1 ? 's' : ''} it ({current.length} so far).
          </p>
        )}
        <EndorsementList items={current} empty="No endorsements yet." />
        {earlier.length > 0 && (
          <details>
            <summary>Earlier endorsements ({earlier.length})</summary>
            <EndorsementList items={earlier} empty="" />
          </details>
        )}
        {v.viewer.mayEndorse && (
          <PostForm ctx={p.ctx} action={`${base}/endorse`} class="lifecycle-form" aria-label="Endorse this article">
            <div class="field">
              <label for="lc-endorse-note">
                Note <span class="field__optional">(optional)</span>
              </label>
              <textarea id="lc-endorse-note" name="note" rows={2} maxLength={500} />
            </div>
            <button class="button button--small" type="submit">
              Endorse
            </button>
          </PostForm>
        )}
        {v.viewer.hasEndorsed && (
          <PostForm ctx={p.ctx} action={`${base}/unendorse`} class="inline-form" aria-label="Withdraw your endorsement">
            <button class="button button--small button--secondary" type="submit">
              Withdraw my endorsement
            </button>
          </PostForm>
        )}
        {v.viewer.endorseBlocked && <p class="meta">{v.viewer.endorseBlocked}</p>}
      </section>
      <section class="lifecycle-history" aria-labelledby="lifecycle-history-heading">
        <h2 id="lifecycle-history-heading">State history</h2>
        {v.transitions.length === 0 ? (
          <p class="meta">A draft since it was written.</p>
        ) : (
          <ol class="lifecycle-history__list">
            {v.transitions.map((t) => (
              <li>
                <StateBadge state={t.from} /> → <StateBadge state={t.to} /> by {t.actor ? <a href={`/u/${t.actor.username}`}>{t.actor.displayName}</a> : <em>the system</em>} <TimeAgo at={t.at} />
                {t.successor && <> · replaced by {articleLink(p.slug, t.successor)}</>}
                {t.reason && <> — “{t.reason}”</>}
              </li>
            ))}
          </ol>
        )}
        {v.viewer.mayDelete && (
          <PostForm ctx={p.ctx} action={`${base}/delete`} class="inline-form" aria-label="Delete this article">
            <button class="button button--small button--danger" type="submit">
              Delete the article
            </button>
          </PostForm>
        )}
      </section>
    </>
  );
}

function EndorsementList({ items, empty }: { items: LifecycleView['endorsements']; empty: string }) {
  if (items.length === 0) return empty ? <p class="meta">{empty}</p> : null;
  return (
    <ul class="lifecycle-endorsements__list">
      {items.map((e) => (
        <li>
          <a href={`/u/${e.user.username}`}>{e.user.displayName}</a> <TimeAgo at={e.at} />
          {e.note && <> — “{e.note}”</>}
        </li>
      ))}
    </ul>
  );
}

/** A lifecycle form again, after a refused post: the problem, the form, and a way back. */
export function LifecycleProblemPage(p: { ctx: ViewContext; community: Community; article: Ref; heading: string; issues: FieldIssue[]; children?: ComponentChildren }) {
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <h1>{p.heading}</h1>
      <ErrorSummary issues={p.issues} />
      {p.children}
      <p>
        <a href={`/c/${p.community.slug}/a/${p.article.id}`}>Back to “{p.article.title}”</a>
      </p>
    </>
  );
}

/** The steward's form for a community's knowledge settings. */
export function KnowledgeSettingsPage(p: { ctx: ViewContext; community: Community; values: Record<string, string | number | boolean>; issues: FieldIssue[] }) {
  const v = p.values;
  const box = (name: string, label: string) => (
    <div class="field">
      <label>
        <input type="checkbox" name={name} value="on" checked={v[name] === true} /> {label}
      </label>
    </div>
  );
  return (
    <>
      <Breadcrumbs community={p.community} />
      <h1>Knowledge settings of {p.community.name}</h1>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`/c/${p.community.slug}/settings/knowledge`} aria-label="Knowledge settings">
        <fieldset>
          <legend>Editing</legend>
          {box('wikiDefault', 'New articles start with wiki editing on')}
          {box('membersEditAll', 'Members may edit every article of this community')}
        </fieldset>
        <fieldset>
          <legend>Endorsement and review</legend>
          {box('stewardEndorsement', 'A steward’s endorsement endorses a proposed article at once')}
          <Field name="endorsementsRequired" label="Endorsements needed from members with expertise" type="number" value={String(v.endorsementsRequired)} issues={p.issues} required hint="1 to 20." />
          <Field name="reviewIntervalDays" label="Days until an endorsed article needs review" type="number" value={String(v.reviewIntervalDays)} issues={p.issues} required hint="7 to 1825." />
        </fieldset>
        <div class="actions">
          <button class="button" type="submit">
            Save settings
          </button>
        </div>
      </PostForm>
      <p>
        <a href={`/c/${p.community.slug}/articles`}>Articles of {p.community.name}</a>
      </p>
    </>
  );
}
