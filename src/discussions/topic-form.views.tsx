import type { Config } from '../core/config.ts';
import type { FieldIssue } from '../core/http/errors.ts';
import { ErrorSummary, Field, PostForm } from '../core/views/components.tsx';
import type { ViewContext } from '../core/views/context.ts';
import type { TopicKind } from './discussions.schema.ts';

/** What a new-topic form holds, for re-rendering after a validation error. */
export interface TopicFormValues {
  kind: TopicKind;
  title: string;
  body: string;
}

const kindLabels: Record<TopicKind, [label: string, hint: string]> = {
  discussion: ['Discussion', 'Share something, think out loud, ask for opinions.'],
  question: ['Question', 'Ask something that has an answer; members can help you find it.'],
};

/** The page for starting a topic in a community. */
export function NewTopicPage(p: {
  ctx: ViewContext;
  community: { slug: string; name: string };
  values: TopicFormValues;
  issues: FieldIssue[];
  limits: Config['limits'];
}) {
  return (
    <>
      <nav aria-label="Breadcrumb">
        <ol class="breadcrumbs">
          <li>
            <a href="/communities">Communities</a>
          </li>
          <li>
            <a href={`/c/${p.community.slug}`}>{p.community.name}</a>
          </li>
        </ol>
      </nav>
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
        <Field name="body" label="Opening post" value={p.values.body} issues={p.issues} required multiline rows={10} maxLength={p.limits.bodyMax} hint="Plain text; line breaks are kept." />
        <div class="actions">
          <button type="submit">Start topic</button>
          <a href={`/c/${p.community.slug}`}>Cancel</a>
        </div>
      </PostForm>
    </>
  );
}

/** The reply form under a topic, or what a reader must do before they can reply. */
export function ReplyBox(p: {
  ctx: ViewContext;
  topic: { id: number; community: { slug: string } };
  mayPost: boolean;
  body: string;
  issues: FieldIssue[];
  bodyMax: number;
}) {
  const slug = p.topic.community.slug;
  const topicPath = `/c/${slug}/t/${p.topic.id}`;
  if (!p.ctx.actor) {
    return (
      <p class="notice reply-box">
        <a href={`/signin?next=${encodeURIComponent(topicPath)}`}>Sign in to reply</a> — or <a href="/signup">create an account</a>.
      </p>
    );
  }
  if (!p.mayPost) {
    return (
      <p class="notice reply-box">
        Only members can reply. <a href={`/c/${slug}`}>Join to reply</a>.
      </p>
    );
  }
  return (
    <section class="reply-box" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Your reply</h2>
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={`${topicPath}/reply`}>
        <Field name="body" label="Reply" value={p.body} issues={p.issues} required multiline rows={6} maxLength={p.bodyMax} hint="Plain text; line breaks are kept." />
        <div class="actions">
          <button type="submit">Post reply</button>
        </div>
      </PostForm>
    </section>
  );
}
