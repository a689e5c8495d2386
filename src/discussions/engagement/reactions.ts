import { badRequest } from '../../core/http/errors.ts';

/** The fixed set of reactions, in the order they show, with their emoji and accessible names. */
export const reactionSet = {
  thanks: { emoji: '👍', label: 'Thanks' },
  celebrate: { emoji: '🎉', label: 'Celebrate' },
  insightful: { emoji: '💡', label: 'Insightful' },
  love: { emoji: '❤️', label: 'Love' },
  looking: { emoji: '👀', label: 'Looking into it' },
} as const;

export type Reaction = keyof typeof reactionSet;
export const reactionNames = Object.keys(reactionSet) as Reaction[];

/** The reaction named, or a 400 naming the field and the unknown value. */
export function checkReaction(raw: string): Reaction {
  if ((reactionNames as string[]).includes(raw)) return raw as Reaction;
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  const message = `Reaction “${shown}” is not one of: ${reactionNames.join(', ')}`;
  throw badRequest(message, [{ field: 'reaction', message }]);
}
