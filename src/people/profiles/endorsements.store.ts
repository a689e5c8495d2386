import type { Db } from '../../core/db/index.ts';

/** Endorsement counts of a user's skills and whether `viewerId` gave one, keyed by skill key. */
export async function endorsementsOf(db: Db, userId: number, viewerId: number | null): Promise<Map<string, { count: number; byViewer: boolean }>> {
  const rows = await db
    .selectFrom('skill_endorsements as e')
    .innerJoin('user_skills as s', 's.id', 'e.skill_id')
    .select(['s.skill_key', 'e.endorser_id'])
    .where('s.user_id', '=', userId)
    .execute();
  const out = new Map<string, { count: number; byViewer: boolean }>();
  for (const r of rows) {
    const cur = out.get(r.skill_key) ?? { count: 0, byViewer: false };
    out.set(r.skill_key, { count: cur.count + 1, byViewer: cur.byViewer || r.endorser_id === viewerId });
  }
  return out;
}

/** Records an endorsement; false when the endorser had already endorsed the skill. */
export async function insertEndorsement(db: Db, skillId: number, endorserId: number, at: string): Promise<boolean> {
  const r = await db.insertInto('skill_endorsements').values({ skill_id: skillId, endorser_id: endorserId, created_at: at }).onConflict((oc) => oc.columns(['skill_id', 'endorser_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Withdraws an endorsement; false when there was none. */
export async function deleteEndorsement(db: Db, skillId: number, endorserId: number): Promise<boolean> {
  const r = await db.deleteFrom('skill_endorsements').where('skill_id', '=', skillId).where('endorser_id', '=', endorserId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
