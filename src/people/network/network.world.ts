import { signInAs, type TestApp } from '../../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';
import { STRONG_TIE } from './network.metrics.ts';
import { tie } from './network.fixtures.ts';
import { rebuildNetwork } from './network.rebuild.ts';

export const WORLD_AT = '2026-10-30T12:00:00.000Z';
export const WORLD_NOW = new Date('2026-11-01T09:00:00Z');

/**
 * A public guild where Ana, Ben and Cas answer each other (a triangle), a private invite-only circle
 * where Zed and Yan only ever talk to Bridget, and Bridget, who is tied strongly to Ana in the guild and
 * to Zed in the circle: the one broker between them. Rebuilt, ready to read.
 */
export async function networkWorld(t: TestApp) {
  const db = t.deps.db;
  const mk = (display_name: string) => makeUser(db, { display_name });
  const [ana, ben, cas, bridget, zed, yan, outsider] = [await mk('Ana Anchor'), await mk('Ben Beam'), await mk('Cas Core'), await mk('Bridget Broker'), await mk('Zed Secretson'), await mk('Yan Hidden'), await mk('Otto Outsider')];
  const admin = await makeUser(db, { display_name: 'Ada Admin', role: 'admin' });
  const guild = await makeCommunity(db, ana.id, { name: 'Open Guild', visibility: 'public', join_policy: 'open' });
  const circle = await makeCommunity(db, zed.id, { name: 'Whisper Circle', visibility: 'private', join_policy: 'invite' });
  for (const u of [ben, cas, bridget]) await addMember(db, guild.id, u.id);
  for (const u of [yan, bridget]) await addMember(db, circle.id, u.id);
  await tie(db, guild.id, ana.id, ben.id, WORLD_AT);
  await tie(db, guild.id, ben.id, cas.id, WORLD_AT);
  await tie(db, guild.id, ana.id, cas.id, WORLD_AT);
  await tie(db, guild.id, bridget.id, ana.id, WORLD_AT, STRONG_TIE + 1);
  await tie(db, circle.id, bridget.id, zed.id, WORLD_AT, STRONG_TIE + 1);
  await tie(db, circle.id, zed.id, yan.id, WORLD_AT);
  await rebuildNetwork(db, { now: WORLD_NOW });
  const as = {
    outsider: await signInAs(t, outsider.id),
    bridget: await signInAs(t, bridget.id),
    ana: await signInAs(t, ana.id),
    admin: await signInAs(t, admin.id),
  };
  return { ana, ben, cas, bridget, zed, yan, outsider, admin, guild, circle, as };
}
