import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import type { Deps } from '../../core/deps.ts';
import { signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { makeUser } from '../../../test/helpers/factories.ts';

/** Who asks, in the authorization matrices of moderation, engagement and notifications. */
export type Role = 'anonymous' | 'outsider' | 'member' | 'moderator' | 'steward' | 'admin (not a member)';
export const roles: Role[] = ['anonymous', 'outsider', 'member', 'moderator', 'steward', 'admin (not a member)'];
export type Place = 'public' | 'private';
export const places: Place[] = ['public', 'private'];

/**
 * What a route demands: 'read' — anyone who may read the community; 'signed-in' — signed-in readers;
 * 'member' — members; 'moderate' — stewards and moderators; 'personal' — any signed-in user (not
 * tied to a community).
 */
export type Need = 'read' | 'signed-in' | 'member' | 'moderate' | 'personal';

/** One route in a matrix: its pattern, what it needs, what success answers, and how to call it. */
export interface RouteCase<P> {
  method: string;
  route: string;
  need: Need;
  ok: number;
  /** What anonymous visitors get instead of 401 (pages that send them to sign in answer 303). */
  anonymous?: number;
  call(t: TestApp, p: P, b: Browser | undefined): Promise<LightMyRequestResponse>;
}

/** The status the visibility rule and the route's need demand for this role and place. */
export function expected(need: Need, ok: number, role: Role, place: Place, anonymous = 401): number {
  const member = role === 'member' || role === 'moderator' || role === 'steward';
  const reader = place === 'public' || member;
  if (need === 'read') return reader ? ok : 404;
  if (role === 'anonymous') return anonymous;
  if (need === 'personal') return ok;
  if (!reader) return 404;
  if (need === 'signed-in') return ok;
  if (!member) return 403;
  if (need === 'member') return ok;
  return role === 'member' ? 403 : ok;
}

/** The routes one feature's plugin registers, as "METHOD /url", from a bare app. */
export async function routesOf(register: (app: FastifyInstance, deps: Deps) => Promise<void>, deps: Deps): Promise<string[]> {
  const bare = Fastify();
  const list: string[] = [];
  bare.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') list.push(`${m} ${r.url}`);
  });
  await bare.register(async (scope) => register(scope, deps));
  await bare.ready();
  await bare.close();
  return list.sort();
}

/**
 * One person per role of the matrix, signed in and put in `as` (anonymous is undefined; the admin is an
 * organisation admin who is not a member of anything). Returns the users, to be made members where needed.
 */
export async function signInRoles(t: TestApp, as: Map<Role, Browser | undefined>) {
  const db = t.deps.db;
  const people = { steward: await makeUser(db), moderator: await makeUser(db), member: await makeUser(db), outsider: await makeUser(db), admin: await makeUser(db, { role: 'admin' }) };
  as.set('anonymous', undefined);
  as.set('outsider', await signInAs(t, people.outsider.id));
  as.set('member', await signInAs(t, people.member.id));
  as.set('moderator', await signInAs(t, people.moderator.id));
  as.set('steward', await signInAs(t, people.steward.id));
  as.set('admin (not a member)', await signInAs(t, people.admin.id));
  return people;
}
