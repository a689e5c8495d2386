import type { Db } from '../../core/db/index.ts';
import type { Database } from '../../core/db/schema.ts';
import { api, signInAs, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { addMember, makeCommunity, makeUser } from '../../../test/helpers/factories.ts';

/** Rows in a table, for "writes nothing" assertions. */
export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Row counts of every articles table plus activity. */
export async function articleCounts(db: Db): Promise<number[]> {
  return Promise.all((['articles', 'article_tags', 'article_owners', 'article_revisions', 'activity'] as const).map((t) => countRows(db, t)));
}

/**
 * People and places for article tests: a public open community and a private invite-only one, each
 * with a steward, a moderator, two members; plus an outsider and a non-member admin.
 */
export async function articlesWorld(t: TestApp) {
  const db = t.deps.db;
  const steward = await makeUser(db, { display_name: 'Ana Steward' });
  const member = await makeUser(db, { display_name: 'Ben Member' });
  const other = await makeUser(db, { display_name: 'Cat Other' });
  const moderator = await makeUser(db, { display_name: 'Moe Moderator' });
  const outsider = await makeUser(db, { display_name: 'Cy Outsider' });
  const admin = await makeUser(db, { display_name: 'Dee Admin', role: 'admin' });
  const pub = await makeCommunity(db, steward.id, { name: 'Open Kitchen', visibility: 'public', join_policy: 'open' });
  const priv = await makeCommunity(db, steward.id, { name: 'Back Room', visibility: 'private', join_policy: 'invite' });
  for (const c of [pub, priv]) {
    await addMember(db, c.id, member.id);
    await addMember(db, c.id, other.id);
    await addMember(db, c.id, moderator.id, 'moderator');
  }
  const as = {
    steward: await signInAs(t, steward.id),
    member: await signInAs(t, member.id),
    other: await signInAs(t, other.id),
    moderator: await signInAs(t, moderator.id),
    outsider: await signInAs(t, outsider.id),
    admin: await signInAs(t, admin.id),
  };
  return { steward, member, other, moderator, outsider, admin, pub, priv, as };
}

/** The API shape of an article, as tests read it. */
export interface ArticleJson {
  id: number;
  type: string;
  title: string;
  body: string;
  bodyHtml: string;
  state: string;
  wiki: boolean;
  revision: number;
  tags: string[];
  owners: Array<{ username: string }>;
  story: Record<string, string> | null;
}

/** Writes an article through the API as `browser`; fails the test unless it is created. */
export async function writeArticleVia(t: TestApp, browser: Browser, slug: string, fields: Record<string, unknown> = {}): Promise<ArticleJson> {
  const res = await api(t, 'POST', `/api/v1/communities/${slug}/articles`, { type: 'how-to', title: 'Sharpen a knife', body: 'Use a *whetstone*.', ...fields }, browser);
  if (res.statusCode !== 201) throw new Error(`could not write an article: ${res.statusCode} ${res.body}`);
  return res.json() as ArticleJson;
}
