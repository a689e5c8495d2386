import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from '../deps.ts';
import { unauthenticated } from '../http/errors.ts';
import { extractMentions, renderMarkdown } from './index.ts';
import { errors, Preview, previewBody } from './markdown.schema.ts';
import { findKnownUsernames } from './markdown.store.ts';

/** API of Markdown preview: POST /api/v1/markdown/preview (signed-in members only). */
export async function markdownRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/api/v1/markdown/preview', {
    schema: {
      tags: ['markdown'],
      summary: 'Preview Markdown as a post would show it',
      description: 'Renders the text with the same rules as posts (raw HTML escaped, safe links, same-site images, highlighted code, member @mentions linked). Writes nothing.',
      body: previewBody(deps.config.limits),
      response: { 200: Preview, ...errors(400, 401) },
    },
    // Sign-in is checked before the body, so an anonymous caller learns nothing from validation.
    preValidation: async (req) => {
      if (!req.actor) throw unauthenticated('Sign in to preview Markdown.');
    },
  }, async (req) => {
    const mentions = extractMentions(req.body.text);
    const knownUsers = await findKnownUsernames(deps.db, mentions);
    const { html } = renderMarkdown(req.body.text, { knownUsers });
    return { html, mentions, unknownMentions: mentions.filter((m) => !knownUsers.has(m)) };
  });
}
