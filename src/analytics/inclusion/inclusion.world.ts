import type { Db } from '../../core/db/index.ts';
import { makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { setPrivacy } from '../../people/profiles/privacy.store.ts';
import { comments, joinAt } from './inclusion.fixtures.ts';

/** "Now" of the inclusion world: active contributors are those who contributed in 2026-08 … 2026-11. */
export const WORLD_NOW = new Date('2026-11-26T12:00:00.000Z');

/*
 * A hand-made membership with known answers (people only; the steward is staff, one bot):
 *
 *   who                discipline         joined        contributed
 *   hyd1…hyd6          Hydrology (hyd6 'hydrology', hyd5 '  Hydrology ')   2024-01-15  Oct / Nov
 *   geo1…geo4          Geology            2025-06-01    geo1 in Nov; geo2 only in July (too long ago)
 *   eco                Ecology            2026-10-01    Nov
 *   chem               Chemistry          2026-10-01    —
 *   none1, none2       (not given)        2026-03-01    none1 in Sep
 *   hidden             Physics, only_me   2026-03-01    —
 *   bot (a bot)        Hydrology          2026-10-01    Nov (never counted)
 *
 * Discipline: members 6 / 4 / 1 / 1 (+3 not given): Blau 1 − (36+16+1+1)/144 = 0.625; contributors
 * 6 / 1 / 1 / 0 (+1 not given): Blau 1 − (36+1+1)/64 = 26/64; geology is not being heard (4/12 of the
 * members predict 8/3 of the 8 contributors; it has 1).
 * Tenure: 24+ 6 (6 contributed), 12–24 4 (1), 3–12 3 (1), under 3 2 (1): members Blau 1 − 65/225,
 * contributors 1 − 39/81. Location: only hyd1 gave one ('Oslo'): Blau 0, coverage 1 of 15.
 */
export async function inclusionWorld(db: Db, opts: { visibility?: 'public' | 'private'; name?: string } = {}) {
  const steward = await makeUser(db, { account_kind: 'staff', display_name: 'Stella Steward' });
  const community = await makeCommunity(db, steward.id, { name: opts.name ?? 'Water Guild', ...(opts.visibility === 'private' ? { visibility: 'private', join_policy: 'invite' } : {}) });
  const c = community.id;
  const person = async (discipline: string, joined: string, extra: { location?: string } = {}) => {
    const u = await makeUser(db, { discipline, ...extra });
    await joinAt(db, c, u.id, joined);
    return u;
  };
  const hyd = [];
  for (let i = 1; i <= 6; i++) hyd.push(await person(i === 6 ? 'hydrology' : i === 5 ? '  Hydrology ' : 'Hydrology', '2024-01-15T09:00:00.000Z', i === 1 ? { location: 'Oslo' } : {}));
  const geo = [];
  for (let i = 1; i <= 4; i++) geo.push(await person('Geology', '2025-06-01T09:00:00.000Z'));
  const eco = await person('Ecology', '2026-10-01T09:00:00.000Z');
  const chem = await person('Chemistry', '2026-10-01T09:00:00.000Z');
  const none1 = await person('', '2026-03-01T09:00:00.000Z');
  const none2 = await person('', '2026-03-01T09:00:00.000Z');
  const hidden = await person('Physics', '2026-03-01T09:00:00.000Z');
  await setPrivacy(db, hidden.id, { discipline: 'only_me' });
  const bot = await makeUser(db, { discipline: 'Hydrology', account_kind: 'bot' });
  await joinAt(db, c, bot.id, '2026-10-01T09:00:00.000Z');

  for (const [i, h] of hyd.entries()) await comments(db, h.id, c, i % 2 === 0 ? '2026-10-10T10:00:00.000Z' : '2026-11-10T10:00:00.000Z', 2);
  await comments(db, geo[0]!.id, c, '2026-11-11T10:00:00.000Z');
  await comments(db, geo[1]!.id, c, '2026-07-11T10:00:00.000Z');
  await comments(db, eco.id, c, '2026-11-12T10:00:00.000Z');
  await comments(db, none1.id, c, '2026-09-12T10:00:00.000Z');
  await comments(db, bot.id, c, '2026-11-13T10:00:00.000Z', 5);
  return { community, steward, hyd, geo, eco, chem, none1, none2, hidden, bot };
}
