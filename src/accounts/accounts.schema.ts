import { Type, type Static } from '@sinclair/typebox';
import { PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from './accounts.rules.ts';

/*
 * Request and response schemas of accounts. Pages post the same fields (camelCase) as the API, so a
 * form and a JSON body go through one schema.
 */

export const Username = Type.String({ minLength: 3, maxLength: 30, pattern: USERNAME_PATTERN, description: 'Lowercase letters, digits, - and _.' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX });
export const DisplayName = Type.String({ minLength: 1, maxLength: 80 });

export const SignupBody = Type.Object({ username: Username, email: Email, displayName: DisplayName, password: Password });
export type SignupBody = Static<typeof SignupBody>;

export const SigninBody = Type.Object({
  login: Type.String({ minLength: 1, maxLength: 254, description: 'Username or email' }),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
});
export type SigninBody = Static<typeof SigninBody>;

export const ForgotBody = Type.Object({ email: Email });
export const ResetBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), password: Password });
export type ResetBody = Static<typeof ResetBody>;

/** Profile fields a user edits; every one optional on PATCH. */
export function profileFields(bioMax: number) {
  return {
    displayName: DisplayName,
    bio: Type.String({ maxLength: bioMax }),
    discipline: Type.String({ maxLength: 120, description: 'Discipline or background' }),
    location: Type.String({ maxLength: 120 }),
    timeZone: Type.String({ maxLength: 64, description: 'An IANA time zone such as Europe/Berlin, or empty' }),
  };
}
export interface ProfilePatch {
  displayName?: string;
  bio?: string;
  discipline?: string;
  location?: string;
  timeZone?: string;
}

export const PasswordChangeBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }), newPassword: Password });
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const TokenCreateBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 80 }) });
export const TokenIdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** The signed-in user as they see themself: the one place an email leaves the server. */
export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  bio: Type.String(),
  discipline: Type.String(),
  location: Type.String(),
  timeZone: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('member')]),
  createdAt: Type.String(),
});
export type Me = Static<typeof Me>;
export const UserEnvelope = Type.Object({ user: Me });

export const ApiTokenSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it by' }),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ApiTokenSummary = Static<typeof ApiTokenSummary>;
export const CreatedToken = Type.Object({ token: ApiTokenSummary, secret: Type.String({ description: 'Shown once; store it now' }) });

export const Message = Type.Object({ message: Type.String() });

/** The one error shape, for documenting error responses. */
export { ErrorSchema as ErrorBody, errorResponses } from '../core/http/schemas.ts';
