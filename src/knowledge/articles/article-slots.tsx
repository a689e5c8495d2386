import type { ComponentChildren } from 'preact';
import type { Deps } from '../../core/deps.ts';
import type { Actor, CommunityAccess } from '../../core/permissions/index.ts';
import type { ViewContext } from '../../core/views/context.ts';
import type { CommunityRow } from '../../communities/communities.access.ts';
import type { Article } from './articles.store.ts';
import { lifecycleSlots } from '../lifecycle/lifecycle.slots.tsx';
import { linksArticleSlots } from '../links/links.slots.tsx';
import { articleAttachmentSlots } from '../attachments/attachments.slots.tsx';
import { storiesArticleSlots } from '../stories/stories.slots.tsx';

/**
 * Extension points of the article page, like the topic page's (src/discussions/topic-slots.tsx).
 * Each knowledge feature (lifecycle, stories, attachments, links, collections) adds ONE provider to
 * `providers` below; a provider loads what it needs and returns what to show where.
 */
export interface ArticleSlots {
  /** Under the title and meta line (lifecycle state and its actions, notices such as "superseded by"). */
  header?: ComponentChildren;
  /** Replaces nothing; shown right before the body (a story's structured sections come in the body itself). */
  beforeBody?: ComponentChildren;
  /** After the body, inside the article (attachments, "I applied this", endorsements). */
  afterBody?: ComponentChildren;
  /** After the article (back-links, collections it is in, lifecycle history). */
  below?: ComponentChildren;
}

/** What a provider gets: the article, its community, who is looking and their access. */
export interface ArticleSlotInput {
  deps: Deps;
  ctx: ViewContext;
  actor: Actor | null;
  access: CommunityAccess;
  community: CommunityRow;
  article: Article;
}

export type ArticleSlotProvider = (input: ArticleSlotInput) => Promise<ArticleSlots>;

// Providers, in page order. Add yours here: `import { lifecycleSlots } from '../lifecycle/lifecycle.slots.tsx';`.
const providers: ArticleSlotProvider[] = [lifecycleSlots, linksArticleSlots, articleAttachmentSlots, storiesArticleSlots];

/** Runs every provider and merges what they return, in provider order. */
export async function loadArticleSlots(input: ArticleSlotInput): Promise<ArticleSlots> {
  const results = await Promise.all(providers.map((p) => p(input)));
  const pick = (k: keyof ArticleSlots) => {
    const parts = results.map((r) => r[k]).filter((x) => x !== undefined && x !== null && x !== false);
    return parts.length > 0 ? parts : undefined;
  };
  return { header: pick('header'), beforeBody: pick('beforeBody'), afterBody: pick('afterBody'), below: pick('below') };
}
