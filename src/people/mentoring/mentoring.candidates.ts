import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { readableCommunityIds } from '../../core/permissions/index.ts';
import { demonstratedExpertise } from '../expertise/expertise.service.ts';
import { declaredSkillsOf } from '../profiles/skills.store.ts';
import { rankMentors, type Proposal, type SkillWanted } from './mentoring.matching.ts';
import { activeMentorsOf } from './mentorships.store.ts';
import { candidateOffers } from './offers.store.ts';
import { isTimeZone, workingHoursOverlap } from './working-hours.ts';

/** How many offers matching considers at most (those meeting at least one skill, oldest offers first). */
const CANDIDATE_POOL = 200;

/**
 * Demonstrated expertise per user and skill key, from the expertise feature, counting only evidence in
 * communities the mentee may read (private evidence never reaches outsiders through a proposal).
 */
async function demonstratedScores(deps: Deps, mentee: Actor, userIds: number[], skillKeys: string[], now: Date): Promise<Map<number, Map<string, number>>> {
  const out = new Map<number, Map<string, number>>();
  if (userIds.length === 0) return out;
  const communityIds = (await readableCommunityIds(deps.db, mentee).execute()).map((r) => r.id);
  for (const e of await demonstratedExpertise(deps.db, { userIds, tags: skillKeys, communityIds, now, evidenceLimit: 0 })) {
    const m = out.get(e.userId) ?? new Map<string, number>();
    m.set(e.tag, e.score);
    out.set(e.userId, m);
  }
  return out;
}

/**
 * Mentors proposed to `mentee` for these skills, best first, with reasons. Leaves out the mentee, mentors
 * they already work with or have a pending request to, paused offers and mentors without a free place.
 */
export async function proposeMentors(deps: Deps, mentee: Actor, wanted: SkillWanted[]): Promise<Proposal[]> {
  const now = deps.clock.now();
  const pending = await deps.db.selectFrom('mentoring_requests').select('mentor_id').where('mentee_id', '=', mentee.id).where('state', '=', 'pending').execute();
  const exclude = [mentee.id, ...(await activeMentorsOf(deps.db, mentee.id)), ...pending.flatMap((r) => (r.mentor_id === null ? [] : [r.mentor_id]))];
  const keys = wanted.map((w) => w.skillKey);
  const offers = await candidateOffers(deps.db, keys, exclude, CANDIDATE_POOL);
  const ids = offers.map((o) => o.userId);
  const declared = await declaredSkillsOf(deps.db, ids, { viewer: { id: mentee.id } });
  const demonstrated = await demonstratedScores(deps, mentee, ids, keys, now);
  const me = await deps.db.selectFrom('users').select('time_zone').where('id', '=', mentee.id).executeTakeFirst();
  const menteeTz = me && isTimeZone(me.time_zone) ? me.time_zone : null;
  const candidates = offers.map((o) => ({
    userId: o.userId, username: o.username, displayName: o.displayName, capacity: o.capacity, taken: o.taken, timeZone: o.timeZone,
    offered: o.skills, declared: declared.get(o.userId) ?? [], demonstrated: demonstrated.get(o.userId) ?? new Map<string, number>(),
  }));
  return rankMentors(wanted, candidates, (tz) => (menteeTz === null || !isTimeZone(tz) ? null : workingHoursOverlap(menteeTz, tz, now)));
}
