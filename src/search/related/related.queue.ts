import type { Ranked } from './rank.ts';

/**
 * The rankings waiting or running, by key: everyone asking for a key already queued shares that one
 * computation (50 readers of a new topic rank it once), at most `concurrency` run at a time, and a
 * background ask (a topic page that does not wait) is dropped when `maxQueued` are already waiting —
 * the next view asks again. An ask that waits (the API) is always queued: its open request bounds it.
 */
export class RankingQueue {
  private readonly jobs = new Map<string, Promise<Ranked[]>>();
  private readonly slots: (() => void)[] = [];
  private active = 0;

  constructor(private readonly limits: { concurrency: number; maxQueued: number }) {}

  /** How many rankings are waiting or running. */
  get size(): number {
    return this.jobs.size;
  }

  /** The ranking under `key`, computed by `run` unless already queued; null when a background ask finds the queue full. */
  enqueue(key: string, run: () => Promise<Ranked[]>, opts: { background: boolean }): Promise<Ranked[]> | null {
    const queued = this.jobs.get(key);
    if (queued) return queued;
    if (opts.background && this.jobs.size >= this.limits.concurrency + this.limits.maxQueued) return null;
    const job = this.slot()
      .then(run)
      .finally(() => {
        this.jobs.delete(key);
        this.release();
      });
    this.jobs.set(key, job);
    return job;
  }

  /** Resolves once nothing is waiting or running (tests and benchmarks; failures are the asker's to report). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs.values()]);
  }

  private slot(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.slots.push(resolve));
  }

  private release(): void {
    const next = this.slots.shift();
    if (next) next();
    else this.active--;
  }
}
