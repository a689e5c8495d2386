import { afterUntil, type ImportState } from './import.state.ts';
import { idsInOrder, insertSources } from './import.store.ts';
import { originalUrl, placeholderUsername, siteKey } from './site.ts';
import { dateAttr, intAttr, type DumpRow } from './xml-rows.ts';

const FILE = 'Users.xml';

/**
 * Users.xml: a placeholder account (no password, an address under .invalid, `placeholder` = 1) and a
 * membership per user not imported before. The username is the display name plus the original id;
 * when that is taken (another site's import), the site's key goes between them.
 */
export async function importUsers(state: ImportState, rows: DumpRow[]): Promise<void> {
  const fresh: Array<{ id: number; name: string; created: string; location: string; username: string }> = [];
  for (const row of rows) {
    const id = intAttr(row, FILE, 'Id');
    const created = dateAttr(row, FILE, 'CreationDate');
    if (afterUntil(state, created)) continue;
    if (state.users.has(id)) {
      state.counts.unchanged += 1;
      continue;
    }
    const name = (row.attrs.DisplayName ?? '').trim().slice(0, 80) || `user ${id}`;
    fresh.push({ id, name, created, location: (row.attrs.Location ?? '').slice(0, 100), username: placeholderUsername(name, id) });
  }
  if (fresh.length === 0) return;
  const taken = new Set(
    (
      await state.tx
        .selectFrom('users')
        .select('username')
        .where('username', 'in', fresh.map((u) => u.username))
        .execute()
    ).map((r) => r.username),
  );
  const key = siteKey(state.site);
  for (const u of fresh) if (taken.has(u.username)) u.username = placeholderUsername(u.name, u.id, key);
  const inserted = await state.tx
    .insertInto('users')
    .values(
      fresh.map((u) => ({
        username: u.username,
        email: `user${u.id}@${state.site}.invalid`,
        password_hash: null,
        display_name: u.name,
        location: u.location,
        bio: '',
        discipline: '',
        time_zone: '',
        role: 'member' as const,
        created_at: u.created,
        updated_at: u.created,
        placeholder: 1,
      })),
    )
    .returning('id')
    .execute();
  const ids = idsInOrder(inserted);
  fresh.forEach((u, i) => {
    state.users.set(u.id, ids[i] as number);
    state.names.set(u.id, u.name);
  });
  await state.tx
    .insertInto('memberships')
    .values(fresh.map((u, i) => ({ community_id: state.communityId, user_id: ids[i] as number, role: 'member' as const, created_at: u.created })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await insertSources(
    state.tx,
    state.communityId,
    state.site,
    state.now,
    fresh.map((u, i) => ({ kind: 'user', originalId: u.id, localId: ids[i] as number, url: originalUrl.user(state.site, u.id), authorName: u.name, createdAt: u.created })),
  );
  state.counts.users += fresh.length;
}
