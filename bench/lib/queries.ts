import type { Manifest } from './manifest.ts';
import { createRng } from './random.ts';

export type Band = 'rare' | 'medium' | 'common' | 'phrase';
export const BANDS: Band[] = ['rare', 'medium', 'common', 'phrase'];

export interface Query {
  band: Band;
  q: string;
  /** Post and article bodies containing it (phrase: containing the phrase itself), from the manifest. */
  df: number;
}

/** Document-frequency limits of each band, as shares of all documents (rare also needs `minRare` documents). */
export const BAND_LIMITS = { rare: [0, 0.001], medium: [0.001, 0.03], common: [0.03, 0.3] } as const;

/**
 * The query mix: `perBand` queries per band, drawn uniformly (seeded) from the words whose document
 * frequency falls in the band, and from the two- and three-word phrases that occur at least five times.
 * Returned interleaved (rare, medium, common, phrase, rare, …) so no band runs on a warmer cache.
 */
export function queryMix(m: Manifest, perBand: number, seed = 7): Query[] {
  const rng = createRng(seed);
  const minRare = Math.max(3, Math.round(m.documents * 0.00001));
  const inBand = (lo: number, hi: number) => m.words.filter(([, df]) => df > lo * m.documents && df <= hi * m.documents);
  const pools: Record<Band, Array<[string, number]>> = {
    rare: inBand(...BAND_LIMITS.rare).filter(([, df]) => df >= minRare),
    medium: inBand(...BAND_LIMITS.medium),
    common: inBand(...BAND_LIMITS.common),
    phrase: m.phrases.filter(([, df]) => df >= 5),
  };
  const picked: Record<Band, Query[]> = { rare: [], medium: [], common: [], phrase: [] };
  for (const band of BANDS) {
    const pool = pools[band];
    if (pool.length === 0) continue;
    for (let i = 0; i < perBand; i++) {
      const [q, df] = pool[rng.int(pool.length)]!;
      picked[band].push({ band, q, df });
    }
  }
  const out: Query[] = [];
  for (let i = 0; i < perBand; i++) for (const band of BANDS) if (picked[band][i]) out.push(picked[band][i]!);
  return out;
}

/** The value below which `p` of the sorted sample lies (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface LatencySummary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(ms: number[]): LatencySummary {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(percentile(s, 0.5)), p95: r(percentile(s, 0.95)), p99: r(percentile(s, 0.99)), max: r(s[s.length - 1] ?? NaN) };
}
