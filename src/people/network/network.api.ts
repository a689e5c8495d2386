import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { notFound, unauthenticated } from '../../core/http/errors.ts';
import { findUserByUsername } from '../../accounts/users.store.ts';
import { memberConnections } from './network.member.ts';
import { ConnectionsSchema, errorResponses, NetworkSchema, networkDto, SlugParams, tags, UsernameParams } from './network.schema.ts';
import { communityNetwork, organisationNetwork, rebuildOnDemand } from './network.service.ts';

const RebuildSchema = Type.Object({ buildId: Type.Integer(), edgeCount: Type.Integer({ description: 'Stored edges (community, pair, kind).' }), builtAt: Type.String({ format: 'date-time' }) });

/** The JSON API of the member network under /api/v1. */
export async function networkApi(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/v1/network', { schema: { tags, summary: 'The member network across the communities you can read: nodes, ties, brokers, boundary spanners', response: { 200: NetworkSchema } } }, async (req) =>
    networkDto(await organisationNetwork(deps, req.actor)),
  );

  r.get('/api/v1/communities/:slug/network', { schema: { tags, summary: 'A community’s member network: nodes, ties, brokers, and its boundary spanners', params: SlugParams, response: { 200: NetworkSchema, ...errorResponses(400, 404) } } }, async (req) =>
    networkDto(await communityNetwork(deps, req.actor, req.params.slug)),
  );

  r.get('/api/v1/users/:username/connections', { schema: { tags, summary: 'The communities and groups a member bridges and their strongest interaction partners, from communities you can read', params: UsernameParams, response: { 200: ConnectionsSchema, ...errorResponses(400, 404) } } }, async (req) => {
    const user = await findUserByUsername(deps.db, req.params.username.toLowerCase());
    if (!user) throw notFound('Member');
    return { username: user.username, ...(await memberConnections(deps, req.actor, user.id)) };
  });

  r.post('/api/v1/network/rebuild', { schema: { tags, summary: 'Rebuild the interaction rollup and drop cached metrics now (organisation admins)', response: { 200: RebuildSchema, ...errorResponses(401, 403) } } }, async (req) => {
    if (!req.actor) throw unauthenticated();
    return rebuildOnDemand(deps, req.actor);
  });
}
