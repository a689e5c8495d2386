import type { TopicSlotProvider } from '../../discussions/topic-slots.tsx';
import { relatedForTopic } from './related.service.ts';
import { RelatedBlock } from './related.views.tsx';

/** How many related links the topic page shows (the API gives more). */
export const RELATED_ON_PAGE = 5;

/**
 * On a topic page: "Related", up to five topics and articles the viewer may read. A ranking failure
 * is logged and shows nothing rather than breaking the page.
 */
export const relatedTopicSlots: TopicSlotProvider = async ({ deps, actor, topic, posts }) => {
  if (topic.deleted) return {};
  try {
    // With RELATED_DEFER a topic not ranked yet (~0.3 s at 1M posts; kept in the database once
    // ranked) is shown without the block and queued; a later view shows it.
    // The page has read the topic and checked the viewer may read it: not again here.
    const items = await relatedForTopic(deps, actor, topic.id, { limit: RELATED_ON_PAGE, onlyIfReady: deps.config.relatedDefer, readableTopic: topic, posts });
    return items ? { header: <RelatedBlock items={items} here={topic.community.slug} /> } : {};
  } catch (err) {
    deps.log.warn({ err, topicId: topic.id }, 'related topics failed');
    return {};
  }
};
