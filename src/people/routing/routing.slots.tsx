import type { TopicSlotProvider } from '../../discussions/topic-slots.tsx';
import { mayRoute, notRoutable, rankForQuestion } from './routing.service.ts';
import { openInvitationOf } from './routing.store.ts';
import { InvitedNotice, SuggestionsBox } from './routing.views.tsx';

/** How many suggestions the topic page's box shows (the invite page and the API give more). */
export const SUGGESTIONS_ON_PAGE = 5;

/**
 * On an open question: for its asker, stewards and moderators, "Who could answer this?" with
 * "Invite to answer" buttons; for a member invited to it, a Decline button. Failures are logged and
 * show nothing rather than breaking the page.
 */
export const routingTopicSlots: TopicSlotProvider = async ({ deps, ctx, actor, access, topic }) => {
  if (!actor || notRoutable(topic)) return {};
  try {
    if (mayRoute(actor, topic, access)) {
      const items = await rankForQuestion(deps.db, topic, deps.clock.now(), SUGGESTIONS_ON_PAGE);
      return { header: <SuggestionsBox ctx={ctx} slug={topic.community.slug} topicId={topic.id} items={items} /> };
    }
    const invitationId = await openInvitationOf(deps.db, topic.id, actor.id);
    return invitationId !== null ? { header: <InvitedNotice ctx={ctx} invitationId={invitationId} /> } : {};
  } catch (err) {
    deps.log.warn({ err, topicId: topic.id }, 'suggested answerers failed');
    return {};
  }
};
