import { sql } from 'kysely';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

/** /healthz (the process is up) and /readyz (the database answers; reports SQLite pragmas). */
export async function healthRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  r.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            database: Type.Object({
              dialect: Type.String(),
              pragmas: Type.Optional(Type.Object({ journal_mode: Type.String(), synchronous: Type.Integer(), foreign_keys: Type.Integer(), busy_timeout: Type.Integer() })),
            }),
          }),
          503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ready' as const, database: deps.dbInfo };
      } catch (err) {
        deps.log.warn({ err }, 'readiness check failed');
        return reply.status(503).send({ status: 'unavailable' as const, reason: 'database unreachable' });
      }
    },
  );
}
