import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import type { FieldVisibility } from '../../core/db/tables/profiles.ts';

/** The optional profile fields a person may hide, by column name (skills: their declared skills). */
export const PRIVATE_FIELDS = ['headline', 'discipline', 'org_unit', 'location', 'time_zone', 'languages', 'bio', 'interests', 'ask_me_about', 'mentoring_availability', 'skills'] as const;
export type PrivateField = (typeof PRIVATE_FIELDS)[number];
export const FIELD_VISIBILITIES: readonly FieldVisibility[] = ['everyone', 'members', 'only_me'];

/** Who is looking, as privacy needs it: nobody (anonymous), or a signed-in person's id. */
export type Viewer = { id: number } | null;

/**
 * The visibilities that hide a field of `ownerId` from `viewer`: a person sees all their own fields;
 * a signed-in person (a member of the organisation) all but 'only_me'; anonymous only 'everyone'.
 */
export function hidingVisibilities(viewer: Viewer, ownerId: number): FieldVisibility[] {
  if (viewer && viewer.id === ownerId) return [];
  return viewer ? ['only_me'] : ['members', 'only_me'];
}

/** May `viewer` see a field whose owner chose `visibility`? */
export function canSeeField(viewer: Viewer, ownerId: number, visibility: FieldVisibility): boolean {
  return !hidingVisibilities(viewer, ownerId).includes(visibility);
}

/**
 * SQL: the field `field` of `users.id` is visible to `viewer` (for WHERE clauses of searches, so a
 * hidden field cannot be found by searching for it). Needs `users` in the query.
 */
export function fieldVisibleSql(eb: ExpressionBuilder<Database, 'users'>, viewer: Viewer, field: PrivateField): Expression<SqlBool> {
  const hiding: FieldVisibility[] = viewer ? ['only_me'] : ['members', 'only_me'];
  const hidden = eb.exists(
    eb
      .selectFrom('profile_field_privacy')
      .select('profile_field_privacy.user_id')
      .whereRef('profile_field_privacy.user_id', '=', 'users.id')
      .where('profile_field_privacy.field', '=', field)
      .where('profile_field_privacy.visibility', 'in', hiding),
  );
  return viewer ? eb.or([eb('users.id', '=', viewer.id), eb.not(hidden)]) : eb.not(hidden);
}
