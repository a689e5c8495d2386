import type { Insertable } from 'kysely';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../core/db/index.ts';
import type { CommunityTable } from '../../core/db/schema.ts';
import { act, contribute, joinAt } from './activity.fixtures.ts';

/** The clock of the hand-made history: mid-April 2026. */
export const HISTORY_NOW = new Date('2026-04-15T12:00:00Z');

/**
 * A hand-made community (see each expectation's comment for the arithmetic):
 * Ana contributes 4 times in each of Jan, Feb, Mar (core in March, active in April);
 * Ben replies once in March (occasional), twice in April (active); Cat only votes (peripheral);
 * Dan asks one question and nothing else (transactional); Eve is no member and replies once in April
 * (transactional); a bot contributes a lot and must count nowhere; the steward does nothing (inactive).
 */
export async function history(db: Db, overrides: Partial<Insertable<CommunityTable>> = {}) {
  const names = ['Stella Steward', 'Ana Anchor', 'Ben Builder', 'Cat Reader', 'Dan Asker', 'Eve Visitor'];
  const people = [];
  for (const display_name of names) people.push(await makeUser(db, { display_name }));
  const [stew, ana, ben, cat, dan, eve] = people;
  const bot = await makeUser(db, { account_kind: 'bot', display_name: 'Robo Poster' });
  const c = await makeCommunity(db, stew!.id, overrides);
  await db.updateTable('memberships').set({ created_at: '2025-12-01T00:00:00.000Z' }).where('community_id', '=', c.id).execute();
  await joinAt(db, c.id, ana!.id, '2025-12-01T00:00:00.000Z');
  await joinAt(db, c.id, ben!.id, '2025-12-01T00:00:00.000Z');
  await joinAt(db, c.id, cat!.id, '2026-02-10T00:00:00.000Z');
  await joinAt(db, c.id, dan!.id, '2026-03-01T08:00:00.000Z');
  await joinAt(db, c.id, bot.id, '2025-12-01T00:00:00.000Z');
  for (const d of ['01-05', '01-06', '01-07', '01-08', '02-02', '02-03', '02-04', '02-05', '03-02', '03-03', '03-04', '03-05']) await contribute(db, ana!.id, c.id, 'reply', `2026-${d}T10:00:00.000Z`);
  await contribute(db, ben!.id, c.id, 'reply', '2026-03-02T11:00:00.000Z');
  await contribute(db, ben!.id, c.id, 'reply', '2026-04-06T11:00:00.000Z');
  await contribute(db, ben!.id, c.id, 'answer', '2026-04-07T11:00:00.000Z');
  await act(db, { actor: cat!.id, verb: 'post.voted', community: c.id, at: '2026-03-02T12:00:00.000Z', subjectType: 'post' });
  await act(db, { actor: cat!.id, verb: 'post.voted', community: c.id, at: '2026-03-31T12:00:00.000Z', subjectType: 'post' });
  await contribute(db, dan!.id, c.id, 'question', '2026-03-09T10:00:00.000Z');
  await contribute(db, eve!.id, c.id, 'reply', '2026-04-02T10:00:00.000Z');
  for (const d of ['03-02', '03-02', '03-02', '04-06']) await contribute(db, bot.id, c.id, 'reply', `2026-${d}T09:00:00.000Z`);
  return { c, stew: stew!, ana: ana!, ben: ben!, cat: cat!, dan: dan!, eve: eve!, bot };
}

