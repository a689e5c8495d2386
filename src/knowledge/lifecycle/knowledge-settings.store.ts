import type { Db } from '../../core/db/index.ts';

/** A community's knowledge settings. */
export interface KnowledgeSettings {
  /** New articles start with wiki editing on. */
  wikiDefault: boolean;
  /** Any member may edit every article of the community (a community-wide wiki). */
  membersEditAll: boolean;
  /** A steward's endorsement endorses a proposed article at once. */
  stewardEndorsement: boolean;
  /** Endorsements by members with expertise needed to endorse (1–20). */
  endorsementsRequired: number;
  /** Days after an endorsement or re-confirmation until the article needs review (7–1825). */
  reviewIntervalDays: number;
}

/** The settings of a community that never changed them. */
export const defaultKnowledgeSettings: KnowledgeSettings = { wikiDefault: false, membersEditAll: false, stewardEndorsement: true, endorsementsRequired: 3, reviewIntervalDays: 180 };

/** Allowed ranges, shared by the API schema, the form and the service. */
export const settingLimits = { endorsementsRequired: { min: 1, max: 20 }, reviewIntervalDays: { min: 7, max: 1825 } } as const;

/** A community's knowledge settings (defaults when it has no row). */
export async function findKnowledgeSettings(db: Db, communityId: number): Promise<KnowledgeSettings> {
  const r = await db.selectFrom('community_knowledge_settings').selectAll().where('community_id', '=', communityId).executeTakeFirst();
  if (!r) return { ...defaultKnowledgeSettings };
  return {
    wikiDefault: Number(r.wiki_default) === 1,
    membersEditAll: Number(r.members_edit_all) === 1,
    stewardEndorsement: Number(r.steward_endorsement) === 1,
    endorsementsRequired: Number(r.endorsements_required),
    reviewIntervalDays: Number(r.review_interval_days),
  };
}

/** Writes a community's knowledge settings (insert or update). */
export async function saveKnowledgeSettings(db: Db, communityId: number, s: KnowledgeSettings, by: number, at: string): Promise<void> {
  const values = {
    wiki_default: s.wikiDefault ? 1 : 0,
    members_edit_all: s.membersEditAll ? 1 : 0,
    steward_endorsement: s.stewardEndorsement ? 1 : 0,
    endorsements_required: s.endorsementsRequired,
    review_interval_days: s.reviewIntervalDays,
    updated_at: at,
    updated_by: by,
  };
  await db
    .insertInto('community_knowledge_settings')
    .values({ community_id: communityId, ...values })
    .onConflict((oc) => oc.column('community_id').doUpdateSet(values))
    .execute();
}

/** Whether new articles in the community named `slug` start as wiki articles (false for an unknown slug). */
export async function wikiDefaultFor(db: Db, slug: string): Promise<boolean> {
  const r = await db
    .selectFrom('communities')
    .leftJoin('community_knowledge_settings as ks', 'ks.community_id', 'communities.id')
    .select('ks.wiki_default')
    .where('communities.slug', '=', slug)
    .executeTakeFirst();
  return Number(r?.wiki_default ?? 0) === 1;
}
