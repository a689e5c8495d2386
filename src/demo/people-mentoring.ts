import { recordActivity } from '../core/activity.ts';
import type { Db } from '../core/db/index.ts';
import { renderMarkdown } from '../core/markdown/index.ts';
import { insertMessageNotifications } from '../notifications/notifications.store.ts';
import { normaliseSkill } from '../people/profiles/skills.store.ts';
import type { KnowledgeSeedIds } from './knowledge.ts';

const offers = [
  { mentor: 'amara', skills: ['Accessibility', 'Screen reader testing', 'WCAG'], capacity: 3, timeZone: 'Europe/London', note: 'Happy to pair on audits. Tuesdays and Thursdays work best.', daysAgo: 40 },
  { mentor: 'meilin', skills: ['SQL', 'Data pipelines', 'dbt'], capacity: 2, timeZone: 'Asia/Singapore', note: 'Mornings Singapore time; bring a real query you are stuck on.', daysAgo: 35 },
];

async function sharedCommunity(tx: Db, ids: KnowledgeSeedIds, slug: string, a: number, b: number): Promise<number | null> {
  const id = ids.communityId(slug);
  const n = await tx.selectFrom('memberships').select('user_id').where('community_id', '=', id).where('user_id', 'in', [a, b]).execute();
  return n.length === 2 ? id : null;
}

/**
 * Seeds the demo's part of src/people/mentoring: Amara and Mei Lin offer mentoring; Amara mentors Sofia
 * in accessibility (goals, one ticked, and a check-in); Tom's request to Mei Lin for SQL waits for her answer.
 */
export async function addDemoMentoring(tx: Db, ids: KnowledgeSeedIds): Promise<void> {
  for (const o of offers) {
    const at = ids.at(o.daysAgo);
    const userId = ids.uid(o.mentor);
    const { id } = await tx.insertInto('mentor_offers').values({ user_id: userId, capacity: o.capacity, time_zone: o.timeZone, note: o.note, active: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('mentor_offer_skills').values(o.skills.map((skill) => ({ offer_id: id, skill, skill_key: normaliseSkill(skill) }))).execute();
    await recordActivity(tx, { actorId: userId, verb: 'mentoring.offered', subjectType: 'mentor_offer', subjectId: id, data: { capacity: o.capacity, skills: o.skills.map(normaliseSkill) }, at });
  }

  // Sofia asked Amara; Amara accepted.
  const [amara, sofia, meilin, tom] = ['amara', 'sofia', 'meilin', 'tom'].map((u) => ids.uid(u)) as [number, number, number, number];
  const community = await sharedCommunity(tx, ids, 'accessibility-guild', amara, sofia);
  const asked = ids.at(30);
  const goals = 'Get confident testing our front-end with a screen reader, and turn what I learn into patterns the design system can keep.';
  const { id: requestId } = await tx
    .insertInto('mentoring_requests')
    .values({ mentee_id: sofia, mentor_id: amara, community_id: community, goals, goals_html: renderMarkdown(goals).html, state: 'accepted', created_at: asked, updated_at: ids.at(29), decided_at: ids.at(29) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('mentoring_request_skills').values(['Screen reader testing', 'Accessibility'].map((skill) => ({ request_id: requestId, skill, skill_key: normaliseSkill(skill) }))).execute();
  await recordActivity(tx, { actorId: sofia, verb: 'mentoring.requested', communityId: community, subjectType: 'mentoring_request', subjectId: requestId, data: { mentorId: amara }, at: asked });
  const started = ids.at(29);
  const { id: mentorshipId } = await tx.insertInto('mentorships').values({ mentor_id: amara, mentee_id: sofia, community_id: community, request_id: requestId, state: 'active', started_at: started, ended_at: null }).returning('id').executeTakeFirstOrThrow();
  await tx.updateTable('mentor_offers').set({ taken: 1 }).where('user_id', '=', amara).execute();
  await recordActivity(tx, { actorId: amara, verb: 'mentorship.started', communityId: community, subjectType: 'mentorship', subjectId: mentorshipId, data: { mentorId: amara, menteeId: sofia }, at: started });
  const goalRows = [
    { title: 'Audit the checkout form with VoiceOver and NVDA', done: 1, done_at: ids.at(12) },
    { title: 'Write up keyboard-navigation patterns for the design system', done: 0, done_at: null },
  ];
  for (const g of goalRows) await tx.insertInto('mentorship_goals').values({ mentorship_id: mentorshipId, ...g, created_by: sofia, created_at: ids.at(28) }).execute();
  const checkin = 'Went through the checkout audit together. The error messages were not announced — we fixed it with `aria-describedby`. Next: **focus order** in the address form.';
  await tx.insertInto('mentorship_checkins').values({ mentorship_id: mentorshipId, author_id: sofia, body: checkin, body_html: renderMarkdown(checkin).html, created_at: ids.at(12, 2) }).execute();

  // Tom's request to Mei Lin waits for her answer.
  const tomGoals = 'I write test data setup by hand. I want to write SQL that finds the edge cases for me.';
  const pendingAt = ids.at(2);
  const { id: pendingId } = await tx
    .insertInto('mentoring_requests')
    .values({ mentee_id: tom, mentor_id: meilin, community_id: null, goals: tomGoals, goals_html: renderMarkdown(tomGoals).html, state: 'pending', created_at: pendingAt, updated_at: pendingAt, decided_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('mentoring_request_skills').values({ request_id: pendingId, skill: 'SQL', skill_key: 'sql' }).execute();
  await recordActivity(tx, { actorId: tom, verb: 'mentoring.requested', subjectType: 'mentoring_request', subjectId: pendingId, data: { mentorId: meilin }, at: pendingAt });
  await insertMessageNotifications(tx, [{ userId: meilin, kind: 'mentoring_request', actorId: tom, data: { text: 'Tom Becker asks you for mentoring in SQL', url: `/mentoring/requests/${pendingId}` }, at: pendingAt }]);
}
