import type { ComponentChildren } from 'preact';
import type { Deps } from '../core/deps.ts';
import type { Actor, CommunityAccess } from '../core/permissions/index.ts';
import type { ViewContext } from '../core/views/context.ts';
import type { CommunityRow } from '../communities/communities.access.ts';
import type { TopicState } from './moderation/topic-state.store.ts';
import type { Post } from './posts.store.ts';
import type { TopicSummary } from './topics.store.ts';
import { linksTopicSlots } from '../knowledge/links/links.slots.tsx';
import { answerSlots } from './answers/answers.slots.tsx';
import { postAttachmentSlots } from '../knowledge/attachments/attachments.slots.tsx';
import { engagementSlots } from './engagement/engagement.slots.tsx';
import { moderationSlots } from './moderation/moderation.slots.tsx';
import { storiesTopicSlots } from '../knowledge/stories/stories.slots.tsx';
import { importAttributionSlots } from '../importers/stackexchange/attribution.slots.tsx';
import { relatedTopicSlots } from '../search/related/related.slots.tsx';
import { routingTopicSlots } from '../people/routing/routing.slots.tsx';

/**
 * Extension points of the topic page. Q&A (votes, accept, comments) and engagement/moderation
 * (reactions, bookmarks, watching, the moderation menu) each add ONE provider to `providers` below;
 * a provider loads what it needs for the posts on the page and returns what to show where.
 */
export interface PostSlots {
  /** Beside the post, before its body (vote buttons). */
  side?: ComponentChildren;
  /** Under the body, in the post's action row (accept button, reactions, bookmark, moderation menu). */
  actions?: ComponentChildren;
  /** Under the post (comments on an answer). */
  below?: ComponentChildren;
  /**
   * Names everything these slots show for this post (what they were made from: counts, names, bodies,
   * the viewer's own state and permissions, times as they read now). With it the post's markup is
   * rendered once and kept for every viewer and request with the same key (core/views/kept-markup.ts);
   * without it the post is rendered on every request. Slots are made with a view context whose CSRF
   * token is a placeholder the page fills in, so they must not show anything else of the context.
   */
  key?: string;
}

export interface TopicSlots {
  /** Under the topic's title (watch button, topic moderation menu, closed/duplicate notices). */
  header?: ComponentChildren;
  /** Per post, by post id; `key` is set when every provider that filled a slot for it named it. */
  posts: Map<number, PostSlots>;
}

/**
 * What a provider gets: the page's topic, its home community and posts, who is looking, their access,
 * and the topic's moderation state when the page has read it already. Providers use these rather than
 * loading them again (issue 6: each statement a page runs costs it).
 */
export interface TopicSlotInput {
  deps: Deps;
  ctx: ViewContext;
  actor: Actor | null;
  access: CommunityAccess;
  topic: TopicSummary;
  community: CommunityRow;
  posts: Post[];
  moderationState?: TopicState | null;
}

export type TopicSlotProvider = (input: TopicSlotInput) => Promise<{ header?: ComponentChildren; post?: (p: Post) => PostSlots }>;

// Providers, in page order. Add yours here: `import { answerSlots } from './answers/answers.slots.tsx';`.
const providers: TopicSlotProvider[] = [importAttributionSlots, answerSlots, moderationSlots, engagementSlots, postAttachmentSlots, linksTopicSlots, storiesTopicSlots, relatedTopicSlots, routingTopicSlots];

/** Runs every provider and merges what they return (later providers' slots come after earlier ones'). */
export async function loadTopicSlots(input: TopicSlotInput): Promise<TopicSlots> {
  const results = await Promise.all(providers.map((p) => p(input)));
  const posts = new Map<number, PostSlots>();
  for (const post of input.posts) {
    const parts = results.map((r) => r.post?.(post) ?? {});
    const shows = (s: PostSlots) => s.side !== undefined || s.actions !== undefined || s.below !== undefined;
    const keyed = parts.every((s) => !shows(s) || s.key !== undefined);
    posts.set(post.id, {
      side: parts.some((s) => s.side) ? parts.map((s) => s.side) : undefined,
      actions: parts.some((s) => s.actions) ? parts.map((s) => s.actions) : undefined,
      below: parts.some((s) => s.below) ? parts.map((s) => s.below) : undefined,
      key: keyed ? parts.map((s) => (shows(s) ? `+${s.key}` : '-')).join('\u0001') : undefined,
    });
  }
  const headers = results.map((r) => r.header).filter((h) => h !== undefined);
  return { header: headers.length > 0 ? headers : undefined, posts };
}
