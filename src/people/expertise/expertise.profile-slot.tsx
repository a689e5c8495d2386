import type { ProfileSlotProvider } from '../profile-slots.tsx';
import { expertiseFor } from './expertise.api.ts';
import { ExpertiseSection } from './expertise.views.tsx';
import { recognitionOf } from './recognition.service.ts';
import { leaderboardsEnabled } from './recognition.store.ts';
import { RecognitionSection } from './recognition.views.tsx';

const TOP_TAGS = 8;

/** On a profile: demonstrated expertise (main column) and reputation with badges (aside), from communities the viewer may read. */
export const expertiseProfileSlot: ProfileSlotProvider = async ({ deps, actor, person }) => {
  const [items, rec] = await Promise.all([expertiseFor(deps, actor, person.id), recognitionOf(deps, actor, person.id)]);
  const on = await leaderboardsEnabled(deps.db, rec.communities.map((c) => c.communityId));
  const boards = new Set(rec.communities.filter((c) => on.has(c.communityId)).map((c) => c.slug));
  return {
    main: <ExpertiseSection username={person.username} items={items.slice(0, TOP_TAGS)} />,
    aside: <RecognitionSection reputation={rec.reputation} communities={rec.communities} boards={boards} badges={rec.badges} />,
  };
};
