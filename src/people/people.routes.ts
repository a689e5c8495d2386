import { type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../accounts/accounts.schema.ts';
import type { Deps } from '../core/deps.ts';
import { MembersPage } from './members.views.tsx';
import { PeoplePage, PeopleQuery, Profile, UsernameParams } from './people.schema.ts';
import { getProfile, loadProfile, searchPeople } from './people.service.ts';
import { loadProfileSlots } from './profile-slots.tsx';
import { ProfilePage } from './profile.views.tsx';

const tags = ['people'];
const DIRECTORY_PAGE = 24;

/** Pages and API routes of people: profiles and the member directory. Open to anonymous visitors. */
export async function peopleRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/u/:username', { schema: { params: UsernameParams } }, async (req, reply) => {
    const { id, profile } = await loadProfile(deps, req.actor, req.params.username);
    const ctx = reply.viewContext();
    const slots = await loadProfileSlots({ deps, ctx, actor: req.actor, person: { id, username: profile.username, displayName: profile.displayName } });
    return reply.page(`${profile.displayName} (@${profile.username})`, ProfilePage({ ctx, profile, slots }), { wide: true });
  });

  r.get(
    '/api/v1/users/:username',
    {
      schema: {
        tags,
        summary: "A person's profile, with the communities and recent activity the caller may see",
        params: UsernameParams,
        response: { 200: Profile, ...errorResponses(400, 404) },
      },
    },
    async (req) => getProfile(deps, req.actor, req.params.username),
  );

  r.get('/members', { schema: { querystring: PeopleQuery } }, async (req, reply) => {
    const q = req.query.q?.trim() ?? '';
    const page = await searchPeople(deps, req.actor, { q, cursor: req.query.cursor, limit: DIRECTORY_PAGE });
    const next = page.nextCursor ? `/members?${new URLSearchParams({ ...(q ? { q } : {}), cursor: page.nextCursor }).toString()}` : null;
    return reply.page(q ? `People matching “${q}”` : 'People', MembersPage({ q, people: page.items, nextHref: next, signedIn: req.actor !== null }));
  });

  r.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'The member directory, by display name; `q` searches names and the profile fields and skills the caller may see',
        querystring: PeopleQuery,
        response: { 200: PeoplePage, ...errorResponses(400) },
      },
    },
    async (req) => searchPeople(deps, req.actor, { q: req.query.q, cursor: req.query.cursor, limit: req.query.limit ?? 20 }),
  );
}
