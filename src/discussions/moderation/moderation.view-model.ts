import type { Deps } from '../../core/deps.ts';
import { canReadCommunity, type Actor, type CommunityAccess } from '../../core/permissions/index.ts';
import { canModerate } from './moderation.rules.ts';
import type { ModerationView } from './moderation.views.tsx';
import { accessToCommunity, findTopicState, type TopicState } from './topic-state.store.ts';

/**
 * What the topic page shows about moderation: the state, whether the actor may moderate, and the
 * duplicate's title and address when the actor can read it. Undefined for a missing topic. The
 * caller has already checked the actor may read the topic and passes the actor's access.
 */
export async function loadModerationView(deps: Deps, actor: Actor | null, topicId: number, access: CommunityAccess, known?: TopicState | null): Promise<ModerationView | undefined> {
  const state = known?.id === topicId ? known : await findTopicState(deps.db, topicId);
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
 * Where the address /c/:slug/t/:id of a merged topic leads: the topic it was merged into (following
 * chains), when the actor may read both it and the merged one and the slug is the merged one's.
 * Null when the topic was not merged or any of that fails (the topic page then answers as usual,
 * 404 for a deleted topic): a redirect must never name a topic the actor may not read.
 */
export async function mergedTopicAddress(deps: Deps, actor: Actor | null, slug: string, topicId: number): Promise<string | null> {
  return mergedTopicAddressOf(deps, actor, slug, await findTopicState(deps.db, topicId));
}

/** mergedTopicAddress for a topic state the caller has read already (the topic page passes it on to its moderation slot). */
export async function mergedTopicAddressOf(deps: Deps, actor: Actor | null, slug: string, source: TopicState | undefined): Promise<string | null> {
  if (!source || source.mergedInto === null || source.community.slug !== slug) return null;
  if (!canReadCommunity(actor, await accessToCommunity(deps.db, source.community, actor))) return null;
  let t = source;
  for (let hops = 0; hops < 10 && t.mergedInto !== null; hops += 1) {
    const next = await findTopicState(deps.db, t.mergedInto);
    if (!next) return null;
    t = next;
  }
  if (t.mergedInto !== null || t.deletedAt !== null) return null;
  if (!canReadCommunity(actor, await accessToCommunity(deps.db, t.community, actor))) return null;
  return `/c/${t.community.slug}/t/${t.id}`;
}
