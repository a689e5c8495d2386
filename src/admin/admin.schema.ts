import { Type } from '@sinclair/typebox';
import { PageQuery, pageInfo } from '../core/http/pagination.ts';
import { StringEnum } from '../discussions/discussions.schema.ts';
import type { AccountKind } from '../core/db/tables/analytics.ts';
import type { OrgRole } from './admin.store.ts';

export const orgRoles = ['admin', 'member'] as const satisfies readonly OrgRole[];
export const OrgRoleSchema = StringEnum<OrgRole>(orgRoles, { description: 'Organisation role.' });
export const accountKinds = ['person', 'staff', 'bot'] as const satisfies readonly AccountKind[];
export const AccountKindSchema = StringEnum<AccountKind>(accountKinds, {
  description: "What the account is: 'person' (counted in community health figures), 'staff' (community managers, support) or 'bot' (automations); staff and bots are left out of participation, inequality, newcomer and inclusion figures.",
});

export const AdminUserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  role: OrgRoleSchema,
  accountKind: AccountKindSchema,
  createdAt: Type.String({ format: 'date-time' }),
});

export const AdminCommunitySchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  name: Type.String(),
  visibility: StringEnum(['public', 'private'] as const),
  joinPolicy: StringEnum(['open', 'approval', 'invite'] as const),
  memberCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const StatsSchema = Type.Object({ users: Type.Integer(), communities: Type.Integer(), topics: Type.Integer(), posts: Type.Integer() });

export const UserListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Matches username, display name or email.' })),
});
export const UserListSchema = Type.Object({ items: Type.Array(AdminUserSchema), ...pageInfo });
export const CommunityListSchema = Type.Object({ items: Type.Array(AdminCommunitySchema), ...pageInfo });

export const UserIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
/** What PATCH /api/v1/admin/users/:id may change: the organisation role, the account kind, or both. */
export const UserPatchBody = Type.Object({ role: Type.Optional(OrgRoleSchema), accountKind: Type.Optional(AccountKindSchema) }, { additionalProperties: false });
/** The same body from an HTML form, which also carries `_csrf` and where to go back to. */
export const RoleForm = Type.Object({ role: OrgRoleSchema, q: Type.Optional(Type.String({ maxLength: 100 })) });
/** The account-kind form of the users page. */
export const KindForm = Type.Object({ accountKind: AccountKindSchema, q: Type.Optional(Type.String({ maxLength: 100 })) });
