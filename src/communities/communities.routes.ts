import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { communitiesApi } from './communities.api.ts';
import { communitiesPages } from './communities.pages.tsx';
import { membershipApi } from './membership.api.ts';
import { membershipPages } from './membership.pages.tsx';

/** Pages and API routes of communities: directory, home, create/edit, membership, requests, invitations. */
export async function communitiesRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await communitiesApi(app, deps);
  await membershipApi(app, deps);
  await communitiesPages(app, deps);
  await membershipPages(app, deps);
}
