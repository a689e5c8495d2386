/** How big an organisation the generator makes. */
export interface Scale {
  communities: number;
  members: number;
  topics: number;
  posts: number;
  articles: number;
  /** Distinct words in the synthetic vocabulary. */
  vocabulary: number;
}

/** `large` is the size issue 6 asks for; `tiny` is for the smoke test. */
export const SCALES = {
  tiny: { communities: 4, members: 40, topics: 60, posts: 400, articles: 12, vocabulary: 5_000 },
  small: { communities: 10, members: 1_000, topics: 2_000, posts: 20_000, articles: 500, vocabulary: 50_000 },
  medium: { communities: 40, members: 5_000, topics: 20_000, posts: 200_000, articles: 4_000, vocabulary: 100_000 },
  large: { communities: 100, members: 20_000, topics: 100_000, posts: 1_000_000, articles: 20_000, vocabulary: 200_000 },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

/** Throws on an unknown scale name, listing the known ones. */
export function scaleNamed(name: string): Scale {
  if (!(name in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}, got "${name}"`);
  return SCALES[name as ScaleName];
}
