import type { Db } from '../../core/db/index.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { accept, ask, commentOn, deletePost, joinedAt, respond, hoursAfter as h } from './questions.fixtures.ts';

/** "Now" of the responsiveness world: Thursday 26 November 2026, noon UTC. */
export const RESP_NOW = new Date('2026-11-26T12:00:00.000Z');

/**
 * A community whose November questions have known figures (worked out in responsiveness.db.test.ts):
 * first responses after 2, 4, 10 and 60 hours, accepts after 5 and 30 hours, one question never
 * answered, one too young to count, and noise that must not count (a bot's question and answer, the
 * asker's own reply, a deleted answer, a discussion).
 */
export async function responsivenessWorld(db: Db, opts: { visibility?: 'public' | 'private' } = {}) {
  const steward = await makeUser(db, { display_name: 'Sal Steward' });
  const c = await makeCommunity(db, steward.id, { name: 'River Guild', visibility: opts.visibility ?? 'public', join_policy: opts.visibility === 'private' ? 'invite' : 'open' });
  const nina = await makeUser(db, { display_name: 'Nina Newcomer', discipline: 'Hydrology' });
  const gus = await makeUser(db, { display_name: 'Gus Geologist', discipline: 'Geology' });
  const pia = await makeUser(db, { display_name: 'Pia Private', discipline: 'Hydrology' });
  const rex = await makeUser(db, { display_name: 'Rex Responder' });
  const rue = await makeUser(db, { display_name: 'Rue Responder' });
  const bot = await makeUser(db, { display_name: 'Helper Bot', account_kind: 'bot' });
  const member = await makeUser(db, { display_name: 'Mo Member' });
  await db.insertInto('profile_field_privacy').values({ user_id: pia.id, field: 'discipline', visibility: 'only_me' }).execute();
  for (const u of [nina, gus, pia, rex, rue, bot, member]) await addMember(db, c.id, u.id);
  await joinedAt(db, c.id, nina.id, '2026-10-01T00:00:00.000Z');
  for (const u of [steward, gus, pia, rex, rue, bot, member]) await joinedAt(db, c.id, u.id, '2025-01-01T00:00:00.000Z');

  const q1at = '2026-11-02T10:00:00.000Z';
  const q1 = await ask(db, c.id, nina.id, q1at);
  const a1 = await respond(db, c.id, q1, rex.id, h(q1at, 2));
  await accept(db, c.id, q1, a1, nina.id, rex.id, h(q1at, 5));

  const q2at = '2026-11-03T10:00:00.000Z';
  const q2 = await ask(db, c.id, gus.id, q2at);
  await respond(db, c.id, q2, bot.id, h(q2at, 0.5));
  await respond(db, c.id, q2, gus.id, h(q2at, 1), 'reply');
  await respond(db, c.id, q2, rue.id, h(q2at, 4));

  const q3at = '2026-11-04T10:00:00.000Z';
  const q3 = await ask(db, c.id, pia.id, q3at);
  const opening = await db.selectFrom('posts').select('id').where('topic_id', '=', q3).where('kind', '=', 'opening').executeTakeFirstOrThrow();
  await commentOn(db, c.id, q3, opening.id, rue.id, h(q3at, 10));
  const a3 = await respond(db, c.id, q3, rex.id, h(q3at, 20));
  await accept(db, c.id, q3, a3, pia.id, rex.id, h(q3at, 30));

  const q4at = '2026-11-05T10:00:00.000Z';
  const q4 = await ask(db, c.id, gus.id, q4at);
  const quick = await respond(db, c.id, q4, rue.id, h(q4at, 1));
  await deletePost(db, c.id, q4, quick, steward.id, h(q4at, 2));
  await respond(db, c.id, q4, rex.id, h(q4at, 60));

  await ask(db, c.id, pia.id, '2026-11-06T10:00:00.000Z'); // never answered
  await ask(db, c.id, bot.id, '2026-11-06T11:00:00.000Z'); // a bot's question: not counted
  await ask(db, c.id, gus.id, '2026-11-06T12:00:00.000Z', 'discussion'); // not a question
  const q5 = await ask(db, c.id, nina.id, '2026-11-25T12:00:00.000Z'); // 24 h old at RESP_NOW
  return { c, steward, nina, gus, pia, rex, rue, bot, member, q1, a1, q2, q3, q4, q5 };
}
