import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: { type?: string } }>;
  requestBody?: unknown;
}

type Paths = Record<string, Record<string, Operation>>;

/** GET /api/v1/openapi.json (the document) and /api/docs (a readable, script-free page of it). */
export async function apiDocsRoutes(app: FastifyInstance, _deps: Deps): Promise<void> {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { schema: { hide: true } }, async (_req, reply) => {
    const doc = app.swagger() as { paths?: Paths; info: { description?: string } };
    const groups = new Map<string, Array<{ method: string; path: string; op: Operation }>>();
    for (const [p, methods] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(methods)) {
        const tag = op.tags?.[0] ?? 'other';
        if (!groups.has(tag)) groups.set(tag, []);
        groups.get(tag)?.push({ method: method.toUpperCase(), path: p, op });
      }
    }
    return reply.page(
      'API',
      <article class="prose">
        <h1>Guildhall API</h1>
        <p>{doc.info.description}</p>
        <p>
          The machine-readable document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
        <nav aria-label="API sections">
          <ul class="chips">
            {[...groups.keys()].map((g) => (
              <li>
                <a href={`#tag-${g}`}>{g}</a>
              </li>
            ))}
          </ul>
        </nav>
        {[...groups.entries()].map(([tag, ops]) => (
          <section aria-labelledby={`tag-${tag}`}>
            <h2 id={`tag-${tag}`}>{tag}</h2>
            <dl class="api-ops">
              {ops.map(({ method, path: p, op }) => (
                <>
                  <dt>
                    <code class={`method method--${method.toLowerCase()}`}>{method}</code> <code>{p}</code>
                  </dt>
                  <dd>
                    {op.summary && <p>{op.summary}</p>}
                    {op.parameters && op.parameters.length > 0 && (
                      <ul>
                        {op.parameters.map((pa) => (
                          <li>
                            <code>{pa.name}</code> ({pa.in}
                            {pa.required ? ', required' : ''}){pa.description ? ` — ${pa.description}` : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </>
              ))}
            </dl>
          </section>
        ))}
      </article>,
    );
  });
}
