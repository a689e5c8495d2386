import { Type } from '@sinclair/typebox';
import { fieldError } from './errors.ts';

/** A keyset position: the sort value and the id of the last row on the previous page. */
export interface Cursor {
  v: string | number;
  id: number;
}

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from a previous page\'s `nextCursor`.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const pageInfo = { nextCursor: Type.Union([Type.String(), Type.Null()]) };

/** Encodes a cursor as opaque base64url text. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** Decodes a cursor; a malformed one is a 400 that names `cursor`. */
export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      typeof c === 'object' && c !== null &&
      'id' in c && Number.isInteger(c.id) &&
      'v' in c && (typeof c.v === 'string' || typeof c.v === 'number')
    ) {
      return { v: c.v, id: c.id as number };
    }
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'is not a cursor this server gave out');
}

/** Splits a page fetched with limit+1 rows into the page and the next cursor. */
export function paginate<T>(rows: T[], limit: number, key: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(key(items[items.length - 1] as T)) };
}
