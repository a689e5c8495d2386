import type { Deps } from '../../core/deps.ts';
import { canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { canModerate } from './moderation.rules.ts';
import type { ModerationView } from './moderation.views.tsx';
import { accessToCommunity, findTopicState } from './topic-state.store.ts';

/**
 * What the topic page shows about moderation: the state, whether the actor may moderate, and the
 * duplicate's title and address when the actor can read it. Undefined for a missing topic. The
 * caller has already checked the actor may read the topic and passes the actor's access.
 */
export async function loadModerationView(deps: Deps, actor: Actor | null, topicId: number, access: CommunityAccess): Promise<ModerationView | undefined> {
  const state = await findTopicState(deps.db, topicId);
  if (!state) return undefined;
  let duplicate: ModerationView['duplicate'] = null;
  if (state.duplicateOf !== null) {
    const d = await findTopicState(deps.db, state.duplicateOf);
    if (d && d.deletedAt === null && canReadCommunity(actor, await accessToCommunity(deps.db, d.community, actor))) {
      duplicate = { id: d.id, title: d.title, slug: d.community.slug };
    }
  }
  return { state, mayModerate: canModerate(actor, access), duplicate };
}

/**
 * Where the address of a merged topic leads: `{ to }`, the topic it was merged into (following
 * chains) when the actor may read it; `{ to: null }` when it was merged somewhere the actor may not
 * read (answer 404: a redirect would name a private community); null when it was not merged.
 */
export async function mergedTopicAddress(deps: Deps, actor: Actor | null, topicId: number): Promise<{ to: string | null } | null> {
  let id = topicId;
  for (let hops = 0; hops < 10; hops += 1) {
    const t = await findTopicState(deps.db, id);
    if (!t) return id === topicId ? null : { to: null };
    if (t.mergedInto === null) {
      if (id === topicId) return null;
      const readable = canReadCommunity(actor, await accessToCommunity(deps.db, t.community, actor));
      return { to: readable ? `/c/${t.community.slug}/t/${t.id}` : null };
    }
    id = t.mergedInto;
  }
  return { to: null };
}
