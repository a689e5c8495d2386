import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db/index.ts';
import { forget, memo, peek } from './memo.ts';

const fakeDb = () => ({}) as Db;
const opts = { ttlMs: 60_000, max: 10 };

describe('memo', () => {
  it('computes once for callers that ask while it runs, and keeps the value', async () => {
    const db = fakeDb();
    const compute = vi.fn(async () => {
      await sleep(20);
      return 42;
    });
    const [a, b] = await Promise.all([memo(db, 'p', 'k', opts, compute), memo(db, 'p', 'k', opts, compute)]);
    expect([a, b]).toEqual([42, 42]);
    expect(await memo(db, 'p', 'k', opts, compute)).toBe(42);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(peek(db, 'p', 'k')).toBe(42);
    expect(peek(db, 'p', 'other')).toBeUndefined();
  });

  it('keeps nothing from a failed computation, and forgets on request', async () => {
    const db = fakeDb();
    await expect(memo(db, 'p', 'k', opts, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await memo(db, 'p', 'k', opts, () => Promise.resolve(1))).toBe(1);
    forget(db, 'p');
    expect(await memo(db, 'p', 'k', opts, () => Promise.resolve(2))).toBe(2);
  });

  it('never keeps anything with a TTL of 0, and keeps databases apart', async () => {
    const db = fakeDb();
    await memo(db, 'p', 'k', { ttlMs: 0, max: 10 }, () => Promise.resolve(1));
    expect(await memo(db, 'p', 'k', { ttlMs: 0, max: 10 }, () => Promise.resolve(2))).toBe(2);
    await memo(db, 'q', 'k', opts, () => Promise.resolve('a'));
    expect(await memo(fakeDb(), 'q', 'k', opts, () => Promise.resolve('b'))).toBe('b');
  });
});
