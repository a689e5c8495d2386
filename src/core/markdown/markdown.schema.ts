import { Type, type Static } from '@sinclair/typebox';
import type { Config } from '../config.ts';

/** JSON body of POST /api/v1/markdown/preview: the Markdown to render, at most as long as a post body. */
export function previewBody(limits: Config['limits']) {
  return Type.Object(
    { text: Type.String({ maxLength: limits.bodyMax, description: `Markdown source, at most ${limits.bodyMax} characters (LIMIT_BODY_MAX).` }) },
    { additionalProperties: false },
  );
}

export type PreviewBody = Static<ReturnType<typeof previewBody>>;

/** What a preview returns: the HTML a post would store, and who it mentions. */
export const Preview = Type.Object({
  html: Type.String({ description: 'Safe HTML, exactly as the post would show it.' }),
  mentions: Type.Array(Type.String(), { description: 'Usernames mentioned (lower-case), members or not.' }),
  unknownMentions: Type.Array(Type.String(), { description: 'Mentioned usernames that are not members: posting this text would be refused.' }),
});

const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});

/** Error responses keyed by status, for a route's `response` schema. */
export function errors(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]));
}
