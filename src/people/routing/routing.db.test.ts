import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, fakeClock, type TestApp } from '../../../test/helpers/app.ts';
import { describeEachDialect } from '../../../test/helpers/db.ts';
import { addMember, makeUser } from '../../../test/helpers/factories.ts';
import { makeAnswer } from '../../discussions/answers/answers.fixtures.ts';
import type { Actor } from '../../core/permissions/index.ts';
import { escalateOverdueQuestions, setResponseTarget } from './escalation.ts';
import { declineInvitation, inviteToAnswer, suggestAnswerers } from './routing.service.ts';
import { answeredBefore, ROUTING_NOW, routingCounts, routingWorld, taggedQuestion } from './routing.fixtures.ts';

const HOUR = 60 * 60 * 1000;
const actorOf = (u: { id: number; username: string; display_name: string; role: string }): Actor => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role === 'admin' ? 'admin' : 'member' });

describeEachDialect('question routing (service)', (dialect) => {
  let t: TestApp;
  let clock: ReturnType<typeof fakeClock>;
  let w: Awaited<ReturnType<typeof routingWorld>>;
  beforeEach(async () => {
    clock = fakeClock(ROUTING_NOW);
    t = await buildTestApp(dialect, { clock });
    w = await routingWorld(t);
  });
  afterEach(async () => t.close());

  const names = (list: Array<{ user: { id: number } }>) => list.map((s) => s.user.id);

  it('ranks members for a #sql question: two accepted #sql answers, then one answer, then activity in another tag', async () => {
    const q = await taggedQuestion(t.deps.db, w.pub.id, w.asker.id, ['sql']);
    const list = await suggestAnswerers(t.deps, actorOf(w.asker), q.topicId, 10);
    expect(names(list)).toEqual([w.eve.id, w.fay.id, w.gus.id]);
    expect(list[0]?.reasons.map((r) => r.text)).toContain('2 accepted answers in #sql');
    expect(list[1]?.reasons.map((r) => r.text)).toContain('1 answer in #sql');
  });

  it('spreads the load: an expert with an open invitation drops below an equal peer, and regains the place on declining or answering', async () => {
    const db = t.deps.db;
    const hal = await makeUser(db, { display_name: 'Hal' });
    const ivy = await makeUser(db, { display_name: 'Ivy' });
    for (const u of [hal, ivy]) {
      await addMember(db, w.pub.id, u.id);
      const answerId = await answeredBefore(db, w.pub.id, w.voter.id, u.id, ['glue'], { accepted: true });
      await db.updateTable('posts').set({ created_at: '2026-11-05T09:00:00.000Z' }).where('id', '=', answerId).execute();
    }
    const other = await taggedQuestion(db, w.pub.id, w.asker.id, ['misc']);
    const glue = await taggedQuestion(db, w.pub.id, w.asker.id, ['glue']);
    const top2 = async () => names(await suggestAnswerers(t.deps, actorOf(w.asker), glue.topicId, 10)).filter((id) => id === hal.id || id === ivy.id);
    // Equal histories (same tag, accepted, same time): the tie goes to the lower id.
    expect(await top2()).toEqual([hal.id, ivy.id]);
    const inv = await inviteToAnswer(t.deps, actorOf(w.asker), other.topicId, hal.username);
    expect(await top2()).toEqual([ivy.id, hal.id]);
    await declineInvitation(t.deps, actorOf(hal), inv.id);
    expect(await top2()).toEqual([hal.id, ivy.id]);
    const third = await taggedQuestion(db, w.pub.id, w.asker.id, ['misc']);
    await inviteToAnswer(t.deps, actorOf(w.asker), third.topicId, hal.username);
    expect(await top2()).toEqual([ivy.id, hal.id]);
    await makeAnswer(db, third.topicId, hal.id);
    expect(await top2()).toEqual([hal.id, ivy.id]);
  });

  it('never suggests a non-member for a private question, even one with the best history there', async () => {
    const db = t.deps.db;
    await db.deleteFrom('memberships').where('community_id', '=', w.secret.id).where('user_id', '=', w.eve.id).execute();
    const q = await taggedQuestion(db, w.secret.id, w.asker.id, ['sql']);
    const list = await suggestAnswerers(t.deps, actorOf(w.asker), q.topicId, 10);
    expect(names(list)).toEqual([w.fay.id, w.gus.id]);
    const before = await routingCounts(db);
    await expect(inviteToAnswer(t.deps, actorOf(w.asker), q.topicId, w.eve.username)).rejects.toMatchObject({ status: 400, details: [{ field: 'username' }] });
    expect(await routingCounts(db)).toEqual(before);
  });

  it('escalates a question unanswered past the response target to the next experts, once per round', async () => {
    const db = t.deps.db;
    await setResponseTarget(t.deps, actorOf(w.steward), w.pub, { visibility: 'public', joinPolicy: 'open', role: 'steward' }, 24);
    const q = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
    await db.updateTable('topics').set({ created_at: ROUTING_NOW.toISOString() }).where('id', '=', q.topicId).execute();
    await inviteToAnswer(t.deps, actorOf(w.asker), q.topicId, w.eve.username);
    clock.advance(23 * HOUR);
    expect(await escalateOverdueQuestions(t.deps)).toBe(0);
    clock.advance(2 * HOUR);
    expect(await escalateOverdueQuestions(t.deps)).toBe(1);
    const invited = await db.selectFrom('answer_invitations').select(['invitee_id', 'source', 'invited_by']).where('topic_id', '=', q.topicId).orderBy('id').execute();
    expect(invited).toEqual([
      { invitee_id: w.eve.id, source: 'member', invited_by: w.asker.id },
      { invitee_id: w.fay.id, source: 'escalation', invited_by: null },
      { invitee_id: w.gus.id, source: 'escalation', invited_by: null },
    ]);
    const notified = await db.selectFrom('notifications').select(['user_id', 'kind', 'topic_id', 'post_id']).where('topic_id', '=', q.topicId).orderBy('id').execute();
    expect(notified.map((n) => [n.user_id, n.kind, n.post_id])).toEqual([w.eve.id, w.fay.id, w.gus.id].map((id) => [id, 'invited', q.openingId]));
    const escalated = await db.selectFrom('activity').select(['data', 'actor_id']).where('verb', '=', 'question.escalated').where('subject_id', '=', q.topicId).execute();
    expect(escalated.map((a) => [a.actor_id, JSON.parse(a.data) as unknown])).toEqual([[null, { round: 1, invited: [w.fay.username, w.gus.username] }]]);
    expect(await escalateOverdueQuestions(t.deps)).toBe(0);
    clock.advance(24 * HOUR);
    expect(await escalateOverdueQuestions(t.deps)).toBe(1);
    const rounds = await db.selectFrom('question_escalations').select(['round', 'invited_count']).where('topic_id', '=', q.topicId).orderBy('round').execute();
    expect(rounds).toEqual([{ round: 1, invited_count: 2 }, { round: 2, invited_count: 0 }]);
  });

  it('leaves the backlog alone: a question asked more than (rounds + 1) × target ago is never escalated', async () => {
    const db = t.deps.db;
    const old = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
    await db.updateTable('topics').set({ created_at: new Date(clock.now().getTime() - 5 * 48 * HOUR - HOUR).toISOString() }).where('id', '=', old.topicId).execute();
    const before = await db.selectFrom('question_escalations').select('id').where('topic_id', '=', old.topicId).execute();
    await escalateOverdueQuestions(t.deps);
    expect(await db.selectFrom('question_escalations').select('id').where('topic_id', '=', old.topicId).execute()).toEqual(before);
    expect(await db.selectFrom('answer_invitations').select('id').where('topic_id', '=', old.topicId).execute()).toEqual([]);
  });

  it('does not escalate a question that got an answer, and uses the 48-hour default without a setting', async () => {
    const db = t.deps.db;
    const answered = await taggedQuestion(db, w.pub.id, w.asker.id, ['sql']);
    const waiting = await taggedQuestion(db, w.secret.id, w.asker.id, ['sql']);
    await db.updateTable('topics').set({ created_at: ROUTING_NOW.toISOString() }).where('id', 'in', [answered.topicId, waiting.topicId]).execute();
    await makeAnswer(db, answered.topicId, w.answerer.id);
    clock.advance(47 * HOUR);
    expect(await escalateOverdueQuestions(t.deps)).toBe(0);
    clock.advance(2 * HOUR);
    expect(await escalateOverdueQuestions(t.deps)).toBe(1);
    const rows = await db.selectFrom('question_escalations').select('topic_id').execute();
    expect(rows.map((r) => r.topic_id)).toEqual([waiting.topicId]);
  });
});
