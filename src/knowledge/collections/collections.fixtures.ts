import type { Db } from '../../core/db/index.ts';
import { api, type Browser, type TestApp } from '../../../test/helpers/app.ts';
import { countRows } from '../articles/articles.fixtures.ts';

/** Row counts of the collections tables plus activity, for "writes nothing" assertions. */
export async function collectionCounts(db: Db): Promise<number[]> {
  return Promise.all((['collections', 'collection_items', 'activity'] as const).map((t) => countRows(db, t)));
}

/** The API shape of a collection, as tests read it. */
export interface CollectionJson {
  id: number;
  title: string;
  description: string;
  descriptionHtml: string;
  owner: { username: string };
  items: Array<{ id: number; position: number; type: string; targetId: number; title: string; note: string; url: string }>;
}

/** Makes a collection through the API as `browser`; fails the test unless it is created. */
export async function makeCollectionVia(t: TestApp, browser: Omit<Browser, 'userId'>, slug: string, fields: Record<string, unknown> = {}): Promise<CollectionJson> {
  const res = await api(t, 'POST', `/api/v1/communities/${slug}/collections`, { title: 'Reading list', description: 'Start *here*.', ...fields }, browser);
  if (res.statusCode !== 201) throw new Error(`could not make a collection: ${res.statusCode} ${res.body}`);
  return res.json() as CollectionJson;
}

/** Adds an item through the API; fails the test unless it is added. Returns the collection. */
export async function addItemVia(t: TestApp, browser: Omit<Browser, 'userId'>, id: number, type: 'article' | 'topic', targetId: number, note?: string): Promise<CollectionJson> {
  const res = await api(t, 'POST', `/api/v1/collections/${id}/items`, { type, targetId, ...(note ? { note } : {}) }, browser);
  if (res.statusCode !== 201) throw new Error(`could not add an item: ${res.statusCode} ${res.body}`);
  return res.json() as CollectionJson;
}
