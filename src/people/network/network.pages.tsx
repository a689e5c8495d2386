import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import { networkDto, SlugParams } from './network.schema.ts';
import { communityNetwork, organisationNetwork, rebuildOnDemand } from './network.service.ts';
import { NetworkPage } from './network.views.tsx';

/** The network pages: the organisation's (/network) and each community's (/c/:slug/network). */
export async function networkPages(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/network', async (req, reply) => {
    const net = networkDto(await organisationNetwork(deps, req.actor));
    return reply.page('Member network', <NetworkPage ctx={reply.viewContext()} net={net} canRebuild={req.actor?.role === 'admin'} />);
  });

  r.get('/c/:slug/network', { schema: { params: SlugParams } }, async (req, reply) => {
    const net = networkDto(await communityNetwork(deps, req.actor, req.params.slug));
    return reply.page(`Network · ${net.community!.name}`, <NetworkPage ctx={reply.viewContext()} net={net} canRebuild={false} />);
  });

  r.post('/network/rebuild', async (req, reply) => {
    if (!req.actor) throw unauthenticated('Sign in to rebuild the network.');
    const r2 = await rebuildOnDemand(deps, req.actor);
    reply.flash(`The network is rebuilt: ${r2.edgeCount} edges.`);
    return reply.redirect('/network', 303);
  });
}
