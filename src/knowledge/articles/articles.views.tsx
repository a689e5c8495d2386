import type { ComponentChildren } from 'preact';
import type { FieldIssue } from '../../core/http/errors.ts';
import { Breadcrumbs, EmptyState, ErrorSummary, Field, Pager, PostForm, Select, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import { parseStory, storySections, type Story } from '../stories/story-template.ts';
import { articleTypes, type Article, type ArticleType } from './articles.store.ts';
import { articleStates, asState, stateLabels } from '../lifecycle/lifecycle.rules.ts';

/** Human names of article types. */
export const typeLabels: Record<ArticleType, string> = { 'how-to': 'How-to', 'best-practice': 'Best practice', 'decision-record': 'Decision record', story: 'Story', reference: 'Reference' };

type Community = { slug: string; name: string };

/** Breadcrumbs: Communities › community › Articles. */
export function ArticlesBreadcrumb({ community }: { community: Community }) {
  return (
    <Breadcrumbs community={community} trail={[{ href: `/c/${community.slug}/articles`, label: 'Articles' }]} />
  );
}

/** The type and lifecycle-state badges of an article. */
export function ArticleBadges({ a }: { a: Article }) {
  return (
    <>
      <span class="badge article-type">{typeLabels[a.type]}</span> <span class={`badge article-state lifecycle-state--${asState(a.state)}`}>State: {stateLabels[asState(a.state)].toLowerCase()}</span>
      {a.wiki && <span class="badge"> Wiki</span>}
    </>
  );
}

/** The list of a community's articles, with type and tag filters. */
export function ArticleListPage(p: { community: Community; items: Article[]; type: string; tag: string; state?: string; nextHref: string | null; canWrite: boolean }) {
  const base = `/c/${p.community.slug}`;
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <div class="community-heading">
        <h1>Articles of {p.community.name}</h1>
        {p.canWrite && (
          <a class="button button--small" href={`${base}/articles/new`}>
            Write an article
          </a>
        )}
      </div>
      <p class="meta">
        <a href={`${base}/knowledge/export`}>Export the articles and glossary</a> as Markdown files · <a href={`${base}/stories`}>Stories</a>: lessons told by members
      </p>
      <form class="filters" method="get" action={`${base}/articles`} aria-label="Filter articles">
        <Select name="type" label="Type" value={p.type} options={[['', 'All types'], ...articleTypes.map((t): [string, string] => [t, typeLabels[t]])]} />
        <Field name="tag" label="Tag" value={p.tag} />
        <Select name="state" label="State" value={p.state ?? ''} options={[['', 'Current (not superseded or archived)'], ...articleStates.map((s): [string, string] => [s, stateLabels[s]])]} />
        <button class="button button--secondary" type="submit">
          Filter
        </button>
      </form>
      {p.items.length === 0 ? (
        <EmptyState title="No articles yet — write the first one">{p.canWrite ? <a href={`${base}/articles/new`}>Write an article</a> : <p>Members can write articles here.</p>}</EmptyState>
      ) : (
        <ul class="topic-list article-list">
          {p.items.map((a) => (
            <li>
              <div>
                <a class="topic-title" href={`${base}/a/${a.id}`}>
                  {a.title}
                </a>
                <p class="meta">
                  <ArticleBadges a={a} /> by {a.author.displayName} · updated <TimeAgo at={a.updatedAt} />
                  {a.tags.length > 0 && ' · '}
                  {a.tags.map((t) => (
                    <a class="tag" href={`${base}/articles?tag=${t}`}>
                      {t}
                    </a>
                  ))}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

/** What the article form holds. */
export interface ArticleFormValues {
  type: string;
  title: string;
  body: string;
  tags: string;
  wiki: boolean;
  reason: string;
  /** A story's sections, when the story template is used (see src/knowledge/stories/story-template.ts). */
  story?: Story;
}

/** The five labelled sections of the story template; the page composes them into the body. */
function StoryFields({ story, issues }: { story: Story; issues: FieldIssue[] }) {
  return (
    <fieldset class="story-fields">
      <legend>The story</legend>
      <input type="hidden" name="template" value="story" />
      {storySections.map((s) => (
        <Field name={`story_${s.key}`} label={s.heading} value={story[s.key]} issues={issues} required multiline rows={5} hint={s.hint} />
      ))}
    </fieldset>
  );
}

/**
 * The new-article and edit-article form. A story whose body follows the template (or a new story) gets
 * the five section fields instead of one text field; a story body edited by hand into another shape
 * is edited as plain Markdown.
 */
export function ArticleFormPage(p: { ctx: ViewContext; community: Community; values: ArticleFormValues; issues: FieldIssue[]; action: string; heading: string; editing: boolean; intro?: ComponentChildren }) {
  const v = p.values;
  const story = v.story ?? (v.type === 'story' ? parseStory(v.body) : null);
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <h1>{p.heading}</h1>
      {p.intro}
      <ErrorSummary issues={p.issues} />
      <PostForm ctx={p.ctx} action={p.action} aria-label={p.heading}>
        <Select
          name="type"
          label="Type"
          value={v.type}
          options={articleTypes.map((t): [string, string] => [t, typeLabels[t]])}
          hint={story ? undefined : 'For a story, the story template asks for context, challenge, what you did, what happened and the lesson.'}
        />
        {!story && !p.editing && !p.intro && (
          <p class="story-template-link">
            <a href={`/c/${p.community.slug}/stories/new`}>Write a story with the story template</a>
          </p>
        )}
        <Field name="title" label="Title" value={v.title} issues={p.issues} required />
        {story ? <StoryFields story={story} issues={p.issues} /> : <Field name="body" label="Text" value={v.body} issues={p.issues} required multiline rows={14} hint="Markdown. @username mentions a member." />}
        <Field name="tags" label="Tags" value={v.tags} issues={p.issues} hint="Comma-separated: lower-case letters, digits and -." />
        <div class="field">
          <label>
            <input type="checkbox" name="wiki" value="on" checked={v.wiki} /> Wiki: any member may edit
          </label>
        </div>
        {p.editing && <Field name="reason" label="Reason for this edit" value={v.reason} issues={p.issues} />}
        <div class="actions">
          <button class="button" type="submit">
            {p.editing ? 'Save changes' : 'Save draft'}
          </button>
        </div>
      </PostForm>
    </>
  );
}
