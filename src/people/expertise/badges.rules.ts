/** The badges and what earns them (docs/people/recognition.md lists the same). */
export const badgeDefinitions = {
  first_accepted_answer: { name: 'First accepted answer', description: 'An answer of theirs was accepted for the first time.' },
  first_endorsed_article: { name: 'First endorsed article', description: 'An article they own was endorsed by the community for the first time.' },
  helped_newcomer: { name: 'Helped a newcomer', description: 'Their answer was accepted on a question asked by someone who had joined the community less than 30 days before.' },
  well_received: { name: 'Well received', description: 'An answer of theirs reached a net score of 5 or more.' },
  put_to_use: { name: 'Put to use', description: 'Members recorded “I applied this” on their answers or articles 5 times or more.' },
  bridge_builder: { name: 'Bridge builder', description: 'They have accepted answers in two or more communities.' },
  mentor: { name: 'Mentor', description: 'They have mentored 3 or more different members.' },
} as const;

export type BadgeKey = keyof typeof badgeDefinitions;
export const badgeKeys = Object.keys(badgeDefinitions) as BadgeKey[];

/** Thresholds of the milestone badges. */
export const BADGE_RULES = { newcomerDays: 30, wellReceivedScore: 5, putToUseCount: 5, bridgeCommunities: 2, mentorOf: 3 } as const;

const DAY_MS = 86_400_000;

/** Was the asker a newcomer: did they join less than `newcomerDays` days before asking (and not after)? */
export function wasNewcomer(joinedAt: string, askedAt: string): boolean {
  const gap = Date.parse(askedAt) - Date.parse(joinedAt);
  return gap >= 0 && gap < BADGE_RULES.newcomerDays * DAY_MS;
}
