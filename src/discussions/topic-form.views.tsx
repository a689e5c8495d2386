import type { Config } from '../core/config.ts';
import type { FieldIssue } from '../core/http/errors.ts';
import { ErrorSummary, Field, PostForm } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { CommunityRef } from './crossposts.store.ts';
import type { TopicKind } from './discussions.schema.ts';
import { TopicBreadcrumb } from './discussions.views.tsx';
import { SimilarList } from '../search/related/related.views.tsx';
import type { RelatedItem } from '../search/related/related.store.ts';

/** What a new-topic form holds, for re-rendering after a validation error. */
export interface TopicFormValues {
  kind: TopicKind;
  title: string;
  body: string;
  /** Comma-separated, as typed. */
  tags: string;
  crossPostTo: string[];
}

/** The hint under every Markdown text area. */
export const MARKDOWN_HINT = 'Markdown: **bold**, _italic_, `code`, ``` for code blocks, - lists, [links](https://…). Mention a member with @username.';

const kindLabels: Record<TopicKind, [label: string, hint: string]> = {
  discussion: ['Discussion', 'Share something, think out loud, ask for opinions.'],
  question: ['Question', 'Ask something that has an answer; members can help you find it.'],
};

function CrossPostChoices(p: { choices: CommunityRef[]; chosen: string[]; issues: FieldIssue[] }) {
  if (p.choices.length === 0) return null;
  const issue = p.issues.find((i) => i.field === 'crossPostTo');
  return (
    <fieldset id="f-crossPostTo" class={issue ? 'field field--error' : 'field'}>
      <legend>
        Also show it in <span class="field__optional">(optional)</span>
      </legend>
      <p class="field__hint">Other communities you are a member of. It stays one thread here; their lists link to it.</p>
      {issue && <p class="field__error">{issue.message}</p>}
      {p.choices.map((c) => (
        <div class="checkbox">
          <input type="checkbox" id={`f-crossPostTo-${c.slug}`} name="crossPostTo" value={c.slug} checked={p.chosen.includes(c.slug)} />
          <label for={`f-crossPostTo-${c.slug}`}>{c.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The page for starting a topic in a community. */
export function NewTopicPage(p: {
  ctx: ViewContext;
  community: { slug: string; name: string };
  values: TopicFormValues;
  issues: FieldIssue[];
  limits: Config['limits'];
  crossPostChoices: CommunityRef[];
  /** Similar questions found by "Check for similar questions"; null before any check. */
  similar?: RelatedItem[] | null;
}) {
  return (
    <>
      <TopicBreadcrumb community={p.community} />
      <h1>Start a topic</h1>
      <p class="meta">In {p.community.name}. Everyone who can read this community will see it.</p>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`/c/${p.community.slug}/t/new`} class="topic-form">
        <fieldset>
          <legend>What kind of topic is it?</legend>
          {(Object.keys(kindLabels) as TopicKind[]).map((k) => (
            <div class="radio">
              <input type="radio" id={`f-kind-${k}`} name="kind" value={k} checked={p.values.kind === k} aria-describedby={`f-kind-${k}-hint`} />
              <label for={`f-kind-${k}`}>
                {kindLabels[k][0]} <span class="field__hint" id={`f-kind-${k}-hint`}>— {kindLabels[k][1]}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <Field name="title" label="Title" value={p.values.title} issues={p.issues} required maxLength={p.limits.titleMax} hint="One line that says what it is about." />
        <div data-markdown-preview>
          <Field name="body" label="Opening post" value={p.values.body} issues={p.issues} required multiline rows={10} maxLength={p.limits.bodyMax} hint={MARKDOWN_HINT} />
        </div>
        <Field name="tags" label="Tags" value={p.values.tags} issues={p.issues} hint={`Up to ${p.limits.tagsMax}, separated by commas: lower-case letters, digits and -, e.g. knives, whetstones.`} />
        <CrossPostChoices choices={p.crossPostChoices} chosen={p.values.crossPostTo} issues={p.issues} />
        <div class="actions">
          <button type="submit">Start topic</button>
          <button type="submit" name="checkSimilar" value="1" class="button--secondary" formnovalidate>
            Check for similar questions
          </button>
          <a href={`/c/${p.community.slug}`}>Cancel</a>
        </div>
      </PostForm>
      <SimilarList items={p.similar ?? null} slug={p.community.slug} />
    </>
  );
}

/** The reply (or answer) form under a topic, or what a reader must do — or why no one can — before replying. */
export function ReplyBox(p: {
  ctx: ViewContext;
  topic: { id: number; kind: TopicKind; locked: boolean; closed: boolean; deleted: unknown; community: { slug: string } };
  mayPost: boolean;
  body: string;
  issues: FieldIssue[];
  bodyMax: number;
}) {
  const slug = p.topic.community.slug;
  const topicPath = `/c/${slug}/t/${p.topic.id}`;
  const answer = p.topic.kind === 'question';
  const verb = answer ? 'answer' : 'reply';
  if (p.topic.deleted) return null;
  if (p.topic.locked) return <p class="notice reply-box">This topic is locked: no new {answer ? 'answers' : 'replies'} or edits.</p>;
  if (p.topic.closed) return <p class="notice reply-box">This topic is closed: no new {answer ? 'answers' : 'replies'}.</p>;
  if (!p.ctx.actor) {
    return (
      <p class="notice reply-box">
        <a href={`/signin?next=${encodeURIComponent(topicPath)}`}>Sign in to {verb}</a> — or <a href="/signup">create an account</a>.
      </p>
    );
  }
  if (!p.mayPost) {
    return (
      <p class="notice reply-box">
        Only members can {verb}. <a href={`/c/${slug}`}>Join to {verb}</a>.
      </p>
    );
  }
  return (
    <section class="reply-box" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{answer ? 'Your answer' : 'Your reply'}</h2>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`${topicPath}/reply`}>
        <div data-markdown-preview>
          <Field name="body" label={answer ? 'Answer' : 'Reply'} value={p.body} issues={p.issues} required multiline rows={6} maxLength={p.bodyMax} hint={MARKDOWN_HINT} />
        </div>
        <div class="actions">
          <button type="submit">{answer ? 'Post answer' : 'Post reply'}</button>
        </div>
      </PostForm>
    </section>
  );
}
