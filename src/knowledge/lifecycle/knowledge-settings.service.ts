import type { Deps } from '../../core/deps.ts';
import { recordActivity } from '../../core/activity.ts';
import { badRequest, forbidden, unauthenticated, type FieldIssue } from '../../core/http/errors.ts';
import type { Actor } from '../../core/permissions/index.ts';
import type { CommunityRow } from '../../communities/communities.access.ts';
import { readableCommunity } from '../articles/articles.service.ts';
import { findKnowledgeSettings, saveKnowledgeSettings, settingLimits, type KnowledgeSettings } from './knowledge-settings.store.ts';
import { reviewDueFrom } from './lifecycle.service.ts';

/** The community's knowledge settings, for its stewards only (404 unreadable, 403 not a steward). */
export async function settingsForSteward(deps: Deps, actor: Actor | null, slug: string): Promise<{ community: CommunityRow; settings: KnowledgeSettings }> {
  if (!actor) throw unauthenticated('Sign in to change knowledge settings.');
  const { community, access } = await readableCommunity(deps, actor, slug);
  if (access.role !== 'steward') throw forbidden('Only stewards can change the knowledge settings of this community.');
  return { community, settings: await findKnowledgeSettings(deps.db, community.id) };
}

function checkRange(issues: FieldIssue[], field: keyof typeof settingLimits, v: number): void {
  const { min, max } = settingLimits[field];
  if (!Number.isInteger(v) || v < min || v > max) issues.push({ field, message: `must be a whole number from ${min} to ${max}` });
}

/**
 * Replaces the community's knowledge settings (stewards only). A new review interval moves the review
 * date of every endorsed article to its last endorsement plus the new interval. 400 names each bad field.
 */
export async function updateKnowledgeSettings(deps: Deps, actor: Actor | null, slug: string, s: KnowledgeSettings): Promise<KnowledgeSettings> {
  const { community, settings: before } = await settingsForSteward(deps, actor, slug);
  const issues: FieldIssue[] = [];
  checkRange(issues, 'endorsementsRequired', s.endorsementsRequired);
  checkRange(issues, 'reviewIntervalDays', s.reviewIntervalDays);
  if (issues.length > 0) throw badRequest('Some settings are out of range', issues);
  const at = deps.clock.now().toISOString();
  const by = (actor as Actor).id;
  await deps.db.transaction().execute(async (tx) => {
    await saveKnowledgeSettings(tx, community.id, s, by, at);
    if (s.reviewIntervalDays !== before.reviewIntervalDays) {
      const endorsed = await tx.selectFrom('articles').select(['id', 'reviewed_at']).where('community_id', '=', community.id).where('state', '=', 'endorsed').where('reviewed_at', 'is not', null).execute();
      for (const a of endorsed) {
        if (a.reviewed_at) await tx.updateTable('articles').set({ review_due_at: reviewDueFrom(a.reviewed_at, s.reviewIntervalDays) }).where('id', '=', a.id).execute();
      }
    }
    await recordActivity(tx, { actorId: by, verb: 'community.knowledge_settings_changed', communityId: community.id, subjectType: 'community', subjectId: community.id, data: { ...s }, at });
  });
  return findKnowledgeSettings(deps.db, community.id);
}
