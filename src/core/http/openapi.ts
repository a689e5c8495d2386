import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';

/** Registers OpenAPI generation from the route schemas. Call before any route is added. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guildhall API',
        version: '1',
        description:
          'The Guildhall REST API. Authenticate with a session cookie or a personal API token (`Authorization: Bearer <token>`, made under Settings → API tokens). Errors have one shape: `{"error":{"code","message","details"}}`. Lists use cursor pagination: pass `nextCursor` back as `cursor`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token' },
          session: { type: 'apiKey', in: 'cookie', name: 'gh_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    // Only the JSON API goes in the document; pages are for browsers.
    transform: ({ schema, url }) => ({ schema: url.startsWith('/api/v1') ? schema : { ...schema, hide: true }, url }),
  });
}
