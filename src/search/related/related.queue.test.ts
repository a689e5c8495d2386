import { describe, expect, it } from 'vitest';
import type { Ranked } from './rank.ts';
import { RankingQueue } from './related.queue.ts';

/** A ranking that finishes when the test says so. */
function gate() {
  let open!: (r: Ranked[]) => void;
  const done = new Promise<Ranked[]>((resolve) => (open = resolve));
  let calls = 0;
  return { run: () => (calls++, done), open, calls: () => calls };
}
const one: Ranked[] = [{ kind: 'topic', id: 7, communityId: 1, score: 1 }];

describe('RankingQueue', () => {
  it('shares one computation among everyone asking for the same key', async () => {
    const q = new RankingQueue({ concurrency: 1, maxQueued: 10 });
    const g = gate();
    const a = q.enqueue('t1', g.run, { background: false });
    const b = q.enqueue('t1', g.run, { background: true });
    expect(b).toBe(a);
    g.open(one);
    expect(await a).toEqual(one);
    expect(g.calls()).toBe(1);
    expect(q.size).toBe(0);
  });

  it('runs at most `concurrency` at a time, the rest in order', async () => {
    const q = new RankingQueue({ concurrency: 1, maxQueued: 10 });
    const first = gate();
    const second = gate();
    void q.enqueue('t1', first.run, { background: false });
    const later = q.enqueue('t2', second.run, { background: false });
    await Promise.resolve();
    expect([first.calls(), second.calls()]).toEqual([1, 0]);
    first.open(one);
    second.open([]);
    expect(await later).toEqual([]);
    expect(second.calls()).toBe(1);
  });

  it('drops a background ask when the queue is full, but queues one that waits', async () => {
    const q = new RankingQueue({ concurrency: 1, maxQueued: 1 });
    const g = gate();
    void q.enqueue('t1', g.run, { background: true });
    void q.enqueue('t2', g.run, { background: true });
    expect(q.enqueue('t3', g.run, { background: true })).toBeNull();
    const waited = q.enqueue('t4', g.run, { background: false });
    expect(waited).not.toBeNull();
    expect(q.size).toBe(3);
    g.open(one);
    await q.idle();
    expect(q.size).toBe(0);
    expect(g.calls()).toBe(3);
  });

  it('forgets a failed computation, so the next ask computes again', async () => {
    const q = new RankingQueue({ concurrency: 1, maxQueued: 1 });
    await expect(q.enqueue('t1', () => Promise.reject(new Error('boom')), { background: false })).rejects.toThrow('boom');
    expect(await q.enqueue('t1', () => Promise.resolve(one), { background: false })).toEqual(one);
  });
});
