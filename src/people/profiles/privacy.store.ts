import type { Db } from '../../core/db/index.ts';
import type { FieldVisibility } from '../../core/db/tables/profiles.ts';
import { canSeeField, PRIVATE_FIELDS, type PrivateField, type Viewer } from './privacy.ts';

/** Each field's chosen visibility, per user (fields left at 'everyone' are absent). */
export type PrivacyMap = Map<number, Map<string, FieldVisibility>>;

/** The non-default field visibilities of the given users. */
export async function privacyOf(db: Db, userIds: number[]): Promise<PrivacyMap> {
  const out: PrivacyMap = new Map();
  if (userIds.length === 0) return out;
  const rows = await db.selectFrom('profile_field_privacy').select(['user_id', 'field', 'visibility']).where('user_id', 'in', [...new Set(userIds)]).execute();
  for (const r of rows) {
    const m = out.get(r.user_id) ?? new Map<string, FieldVisibility>();
    m.set(r.field, r.visibility);
    out.set(r.user_id, m);
  }
  return out;
}

/** The visibility of every private field of one user, 'everyone' where none was chosen. */
export function visibilitiesOf(map: PrivacyMap, userId: number): Record<PrivateField, FieldVisibility> {
  const m = map.get(userId);
  return Object.fromEntries(PRIVATE_FIELDS.map((f) => [f, m?.get(f) ?? 'everyone'])) as Record<PrivateField, FieldVisibility>;
}

/** `value`, or null when the owner hid `field` from `viewer`. */
export function shown<T>(map: PrivacyMap, viewer: Viewer, ownerId: number, field: PrivateField, value: T): T | null {
  return canSeeField(viewer, ownerId, map.get(ownerId)?.get(field) ?? 'everyone') ? value : null;
}

/** Replaces one user's field visibilities ('everyone' is stored as no row). Run inside the writing transaction. */
export async function setPrivacy(db: Db, userId: number, visibilities: Partial<Record<PrivateField, FieldVisibility>>): Promise<void> {
  const fields = Object.keys(visibilities) as PrivateField[];
  if (fields.length === 0) return;
  await db.deleteFrom('profile_field_privacy').where('user_id', '=', userId).where('field', 'in', fields).execute();
  const rows = fields.filter((f) => visibilities[f] !== 'everyone').map((f) => ({ user_id: userId, field: f, visibility: visibilities[f] as FieldVisibility }));
  if (rows.length > 0) await db.insertInto('profile_field_privacy').values(rows).execute();
}
