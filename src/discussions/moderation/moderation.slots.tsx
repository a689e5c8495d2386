import type { TopicSlotProvider } from '../topic-slots.tsx';
import { loadModerationView } from './moderation.view-model.ts';
import { ModerationPanel, TopicStatusBanner } from './moderation.views.tsx';

/**
 * The moderation part of a topic page's header: the closed banner (reason, note, link to the
 * duplicate) and locked notice for everyone, and the "Moderate" section for its stewards and moderators.
 */
export const moderationSlots: TopicSlotProvider = async ({ deps, ctx, actor, access, topic, moderationState }) => {
  const view = await loadModerationView(deps, actor, topic.id, access, moderationState);
  if (!view) return {};
  const panel = topic.deleted ? null : <ModerationPanel ctx={ctx} view={view} />;
  return {
    header: (
      <>
        <TopicStatusBanner view={view} />
        {panel}
      </>
    ),
  };
};
