import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { decodeCursor, encodeCursor, paginate } from './pagination.ts';

describe('cursors', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor({ v: '2026-01-01T00:00:00.000Z', id: 7 }))).toEqual({ v: '2026-01-01T00:00:00.000Z', id: 7 });
  });

  it.each(['garbage', Buffer.from('{"v":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"v":{},"id":1}').toString('base64url')])(
    'rejects the malformed cursor %s with a 400 naming cursor',
    (raw) => {
      try {
        decodeCursor(raw);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).status).toBe(400);
        expect((e as AppError).details[0]?.field).toBe('cursor');
      }
    },
  );

  it('gives a next cursor only when there is a further row', () => {
    const rows = [1, 2, 3].map((id) => ({ id, at: `t${id}` }));
    expect(paginate(rows, 3, (r) => ({ v: r.at, id: r.id })).nextCursor).toBeNull();
    const page = paginate(rows, 2, (r) => ({ v: r.at, id: r.id }));
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor!)).toEqual({ v: 't2', id: 2 });
  });
});
