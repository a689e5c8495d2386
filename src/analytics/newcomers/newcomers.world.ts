import type { Db } from '../../core/db/index.ts';
import { recordActivity } from '../../core/activity.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { accept, ask, joinedAt, respond } from '../responsiveness/questions.fixtures.ts';

/** "Now" of the newcomers world: Thursday 26 November 2026, noon UTC. */
export const NEWCOMERS_NOW = new Date('2026-11-26T12:00:00.000Z');

const T = (day: string) => `${day}T12:00:00.000Z`;

/**
 * Four newcomers with known trajectories (figures worked out in newcomers.db.test.ts):
 * Nora reads, reacts and asks in June, then nothing (stalls at "ask"); Omar asks, answers 35 days
 * after joining, gets it accepted and writes an article in October; Pam joined six days ago; Sam
 * joined in January, read, reacted 36 days in and replied 111 days in, then went quiet (stalls at
 * "reply"). A bot that joins and asks never counts; the steward joined long before the window.
 */
export async function newcomersWorld(db: Db, opts: { visibility?: 'public' | 'private' } = {}) {
  const steward = await makeUser(db, { display_name: 'Sal Steward' });
  const c = await makeCommunity(db, steward.id, { name: 'Loom Guild', visibility: opts.visibility ?? 'public', join_policy: opts.visibility === 'private' ? 'invite' : 'open' });
  const nora = await makeUser(db, { display_name: 'Nora Stalls' });
  const omar = await makeUser(db, { display_name: 'Omar Onward' });
  const pam = await makeUser(db, { display_name: 'Pam Fresh' });
  const sam = await makeUser(db, { display_name: 'Sam Quiet' });
  const bot = await makeUser(db, { display_name: 'Loom Bot', account_kind: 'bot' });
  const member = await makeUser(db, { display_name: 'Mo Member' });
  await joinedAt(db, c.id, steward.id, '2025-01-01T00:00:00.000Z');
  const joins: Array<[{ id: number }, string]> = [[nora, '2026-06-01'], [omar, '2026-06-15'], [pam, '2026-11-20'], [sam, '2026-01-10'], [bot, '2026-06-03'], [member, '2024-05-01']];
  for (const [u, day] of joins) {
    await addMember(db, c.id, u.id);
    await joinedAt(db, c.id, u.id, T(day));
  }
  const act = (actorId: number, verb: string, subjectType: string, subjectId: number, day: string, data: Record<string, unknown> = {}) => recordActivity(db, { actorId, verb, communityId: c.id, subjectType, subjectId, data, at: T(day) });

  const open = await ask(db, c.id, steward.id, T('2025-12-01'), 'discussion');
  await act(nora.id, 'topic.viewed', 'topic', open, '2026-06-02');
  await act(nora.id, 'post.voted', 'post', 1, '2026-06-05', { value: 1 });
  const noraQ = await ask(db, c.id, nora.id, T('2026-06-10'));

  await ask(db, c.id, omar.id, T('2026-06-16'));
  const answer = await respond(db, c.id, noraQ, omar.id, T('2026-07-20'));
  await accept(db, c.id, noraQ, answer, steward.id, omar.id, T('2026-07-21'));
  await act(omar.id, 'article.created', 'article', 1, '2026-10-01', { title: 'Warp tension' });

  await act(sam.id, 'topic.viewed', 'topic', open, '2026-01-11');
  await act(sam.id, 'post.reacted', 'post', 1, '2026-02-15', { reaction: 'thanks' });
  const may = await ask(db, c.id, steward.id, T('2026-05-01'), 'discussion');
  await respond(db, c.id, may, sam.id, '2026-05-01T13:00:00.000Z', 'reply');

  await ask(db, c.id, bot.id, T('2026-06-04'));
  return { c, steward, nora, omar, pam, sam, bot, member };
}
