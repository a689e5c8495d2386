import { EmptyState, Field, Pager, PostForm, Select, TimeAgo } from '../../core/views/components.tsx';
import type { ViewContext } from '../../core/views/context.ts';
import type { Article, Person } from '../articles/articles.store.ts';
import { ArticlesBreadcrumb } from '../articles/articles.views.tsx';
import type { Capture, StoryLink, StoryRef } from './stories.store.ts';
import { parseStory } from './story-template.ts';

type Community = { slug: string; name: string };

const lessonOf = (a: Article) => {
  const lesson = parseStory(a.body)?.lesson ?? '';
  return lesson.length > 200 ? `${lesson.slice(0, 200)}…` : lesson;
};

/** The list of a community's stories, newest activity first, each with the start of its lesson. */
export function StoryListPage(p: { community: Community; items: Article[]; nextHref: string | null; canWrite: boolean }) {
  const base = `/c/${p.community.slug}`;
  return (
    <>
      <ArticlesBreadcrumb community={p.community} />
      <div class="community-heading">
        <h1>Stories of {p.community.name}</h1>
        {p.canWrite && (
          <a class="button button--small" href={`${base}/stories/new`}>
            Write a story
          </a>
        )}
      </div>
      <p>Stories keep what the community learned by doing: the context, the challenge, what was done, what happened and the lesson.</p>
      {p.items.length === 0 ? (
        <EmptyState title="No stories yet — tell the first one">{p.canWrite ? <a href={`${base}/stories/new`}>Write a story</a> : <p>Members can write stories here.</p>}</EmptyState>
      ) : (
        <ul class="topic-list story-list">
          {p.items.map((a) => (
            <li>
              <div>
                <a class="topic-title" href={`${base}/a/${a.id}`}>
                  {a.title}
                </a>
                <p class="meta">
                  by {a.author.displayName} · updated <TimeAgo at={a.updatedAt} />
                </p>
                {lessonOf(a) && <p class="story-lesson">Lesson: {lessonOf(a)}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager nextHref={p.nextHref} />
    </>
  );
}

/** A story's "Related threads and articles", with remove buttons and an add form for its editors. */
export function StoryLinksSection(p: { ctx: ViewContext; slug: string; storyId: number; links: StoryLink[]; canEdit: boolean }) {
  const base = `/c/${p.slug}`;
  return (
    <section class="story-links" aria-labelledby="story-links-title">
      <h2 id="story-links-title">Related threads and articles</h2>
      {p.links.length === 0 ? (
        <p>This story is not linked to any thread or article yet.</p>
      ) : (
        <ul>
          {p.links.map((l) => (
            <li>
              {l.targetType === 'topic' ? 'Thread' : 'Article'}: <a href={`${base}/${l.targetType === 'topic' ? 't' : 'a'}/${l.targetId}`}>{l.title}</a>
              {p.canEdit && (
                <PostForm ctx={p.ctx} action={`${base}/a/${p.storyId}/story-links/${l.id}/remove`} class="inline-form" aria-label={`Remove the link to ${l.title}`}>
                  <button class="button button--small button--secondary" type="submit">
                    Remove
                  </button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {p.canEdit && (
        <PostForm ctx={p.ctx} action={`${base}/a/${p.storyId}/story-links`} class="story-link-form" aria-label="Link a thread or article">
          <Select
            name="targetType"
            label="Link to a"
            value="topic"
            options={[
              ['topic', 'Thread'],
              ['article', 'Article'],
            ]}
          />
          <Field name="targetId" label="Its number" hint="The number in its address: /t/NUMBER for a thread, /a/NUMBER for an article, in this community." required />
          <button class="button button--small" type="submit">
            Link
          </button>
        </PostForm>
      )}
    </section>
  );
}

/** "Stories about this" on a thread or article. */
export function StoriesAbout({ slug, stories }: { slug: string; stories: StoryRef[] }) {
  if (stories.length === 0) return null;
  return (
    <section class="stories-about" aria-labelledby="stories-about-title">
      <h2 id="stories-about-title">Stories about this</h2>
      <ul>
        {stories.map((s) => (
          <li>
            <a href={`/c/${slug}/a/${s.id}`}>{s.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

const people = (list: Person[]) =>
  list.map((o, i) => (
    <>
      {i > 0 && ', '}
      <a href={`/u/${o.username}`}>{o.displayName}</a>
    </>
  ));

/** "Captured from <thread>" under an article's title. */
export function CapturedFrom({ slug, captures }: { slug: string; captures: Capture[] }) {
  return (
    <p class="meta captured-from">
      Captured from{' '}
      {captures.map((c, i) => (
        <>
          {i > 0 && ', '}
          {c.topicDeleted ? 'a thread that was deleted' : <a href={`/c/${slug}/t/${c.topicId}`}>{c.topicTitle}</a>}
        </>
      ))}
    </p>
  );
}

/** Everyone the article's captures credit, each once. */
export function Contributors({ captures }: { captures: Capture[] }) {
  const seen = new Map<number, Person>();
  for (const c of captures) for (const p of c.contributors) if (!seen.has(p.id)) seen.set(p.id, p);
  return (
    <section class="contributors" aria-labelledby="contributors-title">
      <h2 id="contributors-title">Contributors</h2>
      <p>{people([...seen.values()])}</p>
    </section>
  );
}

/** The topic header part: the promote link for members and "Captured in <article>". */
export function TopicCaptures(p: { slug: string; topicId: number; canPromote: boolean; captures: Capture[] }) {
  return (
    <div class="topic-captures">
      {p.captures.length > 0 && (
        <p class="meta">
          Captured in{' '}
          {p.captures.map((c, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/c/${p.slug}/a/${c.articleId}`}>{c.articleTitle}</a>
            </>
          ))}
        </p>
      )}
      {p.canPromote && (
        <a class="button button--small button--secondary" href={`/c/${p.slug}/t/${p.topicId}/promote`}>
          Promote to article
        </a>
      )}
    </div>
  );
}
