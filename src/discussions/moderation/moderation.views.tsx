import type { FieldIssue } from '../../core/http/errors.ts';
import type { ViewContext } from '../../core/views/context.ts';
import { ErrorSummary, Field, PostForm, Select, TimeAgo } from '../../core/views/components.tsx';
import { closeReasonLabels, closeReasons, NOTE_MAX } from './moderation.rules.ts';
import type { TopicState } from './topic-state.store.ts';

/** What the topic page needs for its moderation banner and panel. */
export interface ModerationView {
  state: TopicState;
  mayModerate: boolean;
  /** The topic this one duplicates, when the actor can read it. */
  duplicate: { id: number; title: string; slug: string } | null;
}

/** Closed (with reason, note and a link to the duplicate) and locked notices for a topic; its badges say pinned. */
export function TopicStatusBanner({ view }: { view: ModerationView }) {
  const t = view.state;
  if (!t.closedAt && !t.lockedAt) return null;
  return (
    <div class="topic-status">
      {t.closedAt && t.closeReason && (
        <div class="topic-status__closed notice" role="note" aria-label="Closed">
          <p>
            <strong>Closed</strong> <TimeAgo at={t.closedAt} /> as {closeReasonLabels[t.closeReason]}
            {t.closeReason === 'duplicate' &&
              (view.duplicate ? (
                <>
                  {' '}of <a href={`/c/${view.duplicate.slug}/t/${view.duplicate.id}`}>{view.duplicate.title}</a>
                </>
              ) : (
                ' of a topic you cannot see'
              ))}
            .
          </p>
          {t.closeNote && <p class="topic-status__note">{t.closeNote}</p>}
        </div>
      )}
      {t.lockedAt && (
        <p class="topic-status__locked notice" role="note">
          <strong>Locked</strong> <TimeAgo at={t.lockedAt} />: no new replies, answers, votes or edits.
        </p>
      )}
    </div>
  );
}

function base(t: TopicState): string {
  return `/c/${t.community.slug}/t/${t.id}`;
}

/** The "Moderate" section on a topic page: one-click pin/lock/reopen and a link to close, move or merge. */
export function ModerationPanel({ ctx, view, onModeratePage = false }: { ctx: ViewContext; view: ModerationView; onModeratePage?: boolean }) {
  if (!view.mayModerate) return null;
  const t = view.state;
  return (
    <section class="moderation-panel" aria-labelledby="moderate-heading">
      <h2 id="moderate-heading">{onModeratePage ? 'Pin, lock or reopen' : 'Moderate'}</h2>
      <div class="actions">
        <PostForm ctx={ctx} action={`${base(t)}/${t.pinnedAt ? 'unpin' : 'pin'}`} class="inline-form">
          <button type="submit" class="button button--secondary button--small">{t.pinnedAt ? 'Unpin' : 'Pin'}</button>
        </PostForm>
        <PostForm ctx={ctx} action={`${base(t)}/${t.lockedAt ? 'unlock' : 'lock'}`} class="inline-form">
          <button type="submit" class="button button--secondary button--small">{t.lockedAt ? 'Unlock' : 'Lock'}</button>
        </PostForm>
        {t.closedAt && (
          <PostForm ctx={ctx} action={`${base(t)}/reopen`} class="inline-form">
            <button type="submit" class="button button--secondary button--small">Reopen</button>
          </PostForm>
        )}
        {!onModeratePage && <a href={`${base(t)}/moderate`}>{t.closedAt ? 'Move or merge…' : 'Close, move or merge…'}</a>}
      </div>
    </section>
  );
}

/** What the moderation page's forms were last filled with. */
export interface ModerateFormValues {
  reason: string;
  duplicateOf: string;
  closeNote: string;
  community: string;
  moveNote: string;
  targetId: string;
  mergeNote: string;
}

const noteHint = `Why — shown in the community’s activity. At most ${NOTE_MAX} characters.`;

/** The moderation page of one topic: state, then forms to close (or reopen), move and merge. */
export function ModeratePage(p: { ctx: ViewContext; view: ModerationView; communities: Array<{ slug: string; name: string }>; values: ModerateFormValues; issues: FieldIssue[]; form: 'close' | 'move' | 'merge' | null }) {
  const t = p.view.state;
  const issuesFor = (f: string) => (p.form === f ? p.issues : []);
  const others = p.communities.filter((c) => c.slug !== t.community.slug);
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumbs">
          <li><a href={`/c/${t.community.slug}`}>{t.community.name}</a></li>
          <li><a href={base(t)}>{t.title}</a></li>
        </ol>
      </nav>
      <h1>Moderate “{t.title}”</h1>
      <ErrorSummary issues={p.issues} />
      <TopicStatusBanner view={p.view} />
      <ModerationPanel ctx={p.ctx} view={p.view} onModeratePage />
      {!t.closedAt && (
        <section class="moderate-form" aria-labelledby="close-heading">
          <h2 id="close-heading">Close</h2>
          <PostForm ctx={p.ctx} action={`${base(t)}/close`}>
            <Select name="reason" label="Reason" value={p.values.reason} options={closeReasons.map((r) => [r, closeReasonLabels[r].replace(/^./, (c) => c.toUpperCase())])} />
            <Field name="duplicateOf" label="Duplicate of topic" hint="For duplicates: the number or address of the topic this one repeats." value={p.values.duplicateOf} issues={issuesFor('close')} maxLength={300} />
            <Field name="closeNote" label="Note" hint={noteHint} value={p.values.closeNote} issues={issuesFor('close')} maxLength={NOTE_MAX} multiline rows={3} />
            <button type="submit" class="button">Close topic</button>
          </PostForm>
        </section>
      )}
      <section class="moderate-form" aria-labelledby="move-heading">
        <h2 id="move-heading">Move to another community</h2>
        {others.length === 0 ? (
          <p>You moderate no other community to move it to.</p>
        ) : (
          <PostForm ctx={p.ctx} action={`${base(t)}/move`}>
            <Select name="community" label="Community" value={p.values.community} options={others.map((c) => [c.slug, c.name])} hint="Only communities you moderate." />
            <Field name="moveNote" label="Note" hint={noteHint} value={p.values.moveNote} issues={issuesFor('move')} maxLength={NOTE_MAX} multiline rows={2} />
            <button type="submit" class="button">Move topic</button>
          </PostForm>
        )}
      </section>
      <section class="moderate-form" aria-labelledby="merge-heading">
        <h2 id="merge-heading">Merge into another topic</h2>
        <p>Its posts move into the other topic, in the order they were written, and this topic’s address leads there.</p>
        <PostForm ctx={p.ctx} action={`${base(t)}/merge`}>
          <Field name="targetId" label="Merge into topic" hint="The number or address of the topic to keep." value={p.values.targetId} issues={issuesFor('merge')} required maxLength={300} />
          <Field name="mergeNote" label="Note" hint={noteHint} value={p.values.mergeNote} issues={issuesFor('merge')} maxLength={NOTE_MAX} multiline rows={2} />
          <button type="submit" class="button button--danger">Merge topic</button>
        </PostForm>
      </section>
    </>
  );
}
