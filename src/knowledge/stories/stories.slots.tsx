import { canPost } from '../../core/permissions/index.ts';
import type { TopicSlotProvider } from '../../discussions/topic-slots.tsx';
import type { ArticleSlotProvider } from '../articles/article-slots.tsx';
import { canEditArticle } from '../articles/articles.service.ts';
import { isPromotable } from './promote.service.ts';
import { capturesOfArticle, capturesOfTopic, linksOfStory, storiesAbout } from './stories.store.ts';
import { CapturedFrom, Contributors, StoriesAbout, StoryLinksSection, TopicCaptures } from './stories.views.tsx';

/**
 * The stories part of an article page: "Captured from <thread>" under the title and "Contributors"
 * after the article when it was promoted from a thread; a story's related threads and articles; and
 * "Stories about this" when stories link to it. All of it lives in the article's own community.
 */
export const storiesArticleSlots: ArticleSlotProvider = async ({ deps, ctx, actor, access, community, article }) => {
  const captures = await capturesOfArticle(deps.db, article.id);
  const links = article.type === 'story' ? await linksOfStory(deps.db, article.id) : null;
  const about = await storiesAbout(deps.db, 'article', article.id);
  return {
    header: captures.length > 0 ? <CapturedFrom slug={community.slug} captures={captures} /> : undefined,
    below: (
      <>
        {links && <StoryLinksSection ctx={ctx} slug={community.slug} storyId={article.id} links={links} canEdit={canEditArticle(actor, access, article)} />}
        <StoriesAbout slug={community.slug} stories={about} />
        {captures.length > 0 && <Contributors captures={captures} />}
      </>
    ),
  };
};

/**
 * The stories part of a topic page header: "Captured in <article>", "Stories about this", and for
 * members a "Promote to article" link on a solved question or a discussion.
 */
export const storiesTopicSlots: TopicSlotProvider = async ({ deps, actor, access, topic }) => {
  if (topic.deleted) return {};
  const captures = await capturesOfTopic(deps.db, topic.id);
  const about = await storiesAbout(deps.db, 'topic', topic.id);
  const canPromote = canPost(actor, access) && isPromotable(topic);
  if (captures.length === 0 && about.length === 0 && !canPromote) return {};
  return {
    header: (
      <>
        <TopicCaptures slug={topic.community.slug} topicId={topic.id} canPromote={canPromote} captures={captures} />
        <StoriesAbout slug={topic.community.slug} stories={about} />
      </>
    ),
  };
};
