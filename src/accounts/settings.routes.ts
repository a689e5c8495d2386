import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { notFound, unauthenticated, type FieldIssue } from '../core/http/errors.ts';
import type { Actor } from '../core/permissions/index.ts';
import { errorResponses, Me, PasswordChangeBody, profileFields } from './accounts.schema.ts';
import { toMe } from './accounts.service.ts';
import { formIssues, formValues, issuesOf, pageActor } from './form.ts';
import { changePassword, updateProfile } from './settings.service.ts';
import { PasswordSettingsPage, ProfileSettingsPage, type ProfileValues } from './settings.views.tsx';
import { findUserById } from './users.store.ts';
import { myProfile, writeChecked } from '../people/profiles/profile.service.ts';
import { PROFESSIONAL_FORM_KEYS, professionalFormFields, professionalFormValues, readProfessionalForm } from '../people/profiles/profile-form.ts';

const tags = ['accounts'];
const PROFILE_KEYS = ['displayName', 'bio', 'discipline', 'location', 'timeZone'] as const;

/** The signed-in actor for an API route, or 401. */
export function apiActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Profile and password settings: pages and /api/v1/me. */
export async function settingsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const fields = profileFields(deps.config.limits.bioMax);
  const ProfileForm = Type.Object({ ...fields, ...professionalFormFields });
  const ProfilePatch = Type.Partial(Type.Object(fields), { additionalProperties: false });

  const me = async (actor: Actor) => {
    const user = await findUserById(deps.db, actor.id);
    if (!user) throw notFound('User');
    return user;
  };
  const profilePage = (reply: FastifyReply, username: string, values: ProfileValues, issues: FieldIssue[] = [], status = 200) =>
    reply.page('Settings', ProfileSettingsPage({ ctx: reply.viewContext(), username, values, issues, bioMax: deps.config.limits.bioMax }), { status });

  r.get('/settings', async (req, reply) => {
    const actor = pageActor(req, reply);
    if (!actor) return reply;
    const u = toMe(await me(actor));
    return profilePage(reply, u.username, { ...u, ...professionalFormValues(await myProfile(deps, actor.id)) });
  });

  r.post('/settings', { schema: { body: ProfileForm }, attachValidation: true }, async (req, reply) => {
    if (!req.actor) throw unauthenticated();
    const values = formValues(req, [...PROFILE_KEYS, ...PROFESSIONAL_FORM_KEYS]) as unknown as ProfileValues;
    const issues = formIssues(req);
    if (issues) return profilePage(reply, req.actor.username, values, issues, 400);
    const userId = req.actor.id;
    try {
      const professional = readProfessionalForm(req.body);
      const fields = [...Object.keys(professional.change), ...(professional.skills ? ['skills'] : [])];
      await updateProfile(deps, userId, req.body, { fields, write: (tx, at) => writeChecked(tx, userId, professional.change, professional.skills, at) });
    } catch (err) {
      const bad = issuesOf(err);
      if (!bad) throw err;
      return profilePage(reply, req.actor.username, values, bad.issues, bad.status);
    }
    reply.flash('Your profile is saved.');
    return reply.redirect('/settings', 303);
  });

  r.get(
    '/api/v1/me',
    { schema: { tags, summary: 'The signed-in user, including their email', response: { 200: Me, ...errorResponses(401) } } },
    async (req) => toMe(await me(apiActor(req))),
  );

  r.patch(
    '/api/v1/me',
    { schema: { tags, summary: 'Update your profile (only the fields sent)', body: ProfilePatch, response: { 200: Me, ...errorResponses(400, 401) } } },
    async (req) => toMe(await updateProfile(deps, apiActor(req).id, req.body)),
  );

  const passwordPage = (reply: FastifyReply, issues: FieldIssue[] = [], status = 200) =>
    reply.page('Change password', PasswordSettingsPage({ ctx: reply.viewContext(), issues }), { status });

  r.get('/settings/password', async (req, reply) => (pageActor(req, reply) ? passwordPage(reply) : reply));

  r.post('/settings/password', { schema: { body: PasswordChangeBody }, attachValidation: true }, async (req, reply) => {
    if (!req.actor) throw unauthenticated();
    const issues = formIssues(req);
    if (issues) return passwordPage(reply, issues, 400);
    try {
      await changePassword(deps, req.actor.id, req.body.currentPassword, req.body.newPassword, req.sessionId);
    } catch (err) {
      const bad = issuesOf(err);
      if (!bad) throw err;
      return passwordPage(reply, bad.issues, bad.status);
    }
    reply.flash('Your password is changed. Other devices were signed out.');
    return reply.redirect('/settings/password', 303);
  });

  r.put(
    '/api/v1/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password; ends every other session',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      await changePassword(deps, apiActor(req).id, req.body.currentPassword, req.body.newPassword, req.sessionId);
      return reply.status(204).send(null);
    },
  );
}
