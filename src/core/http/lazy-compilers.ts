import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

/*
 * Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify) while
 * the app starts: ~300 schemas, most of a second of a cold start (issue 6 asks for the first page within
 * 1 s). These factories wrap Fastify's own compilers so each schema is compiled the first time its route
 * is used, then kept. Same compilers, same options, same errors; only the moment of compiling moves.
 */

// Fastify's own compilers, resolved from fastify itself so the versions always match it.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));

type Validate = ((data: unknown) => unknown) & { errors?: unknown };
type RouteSchema = Record<string, unknown>;
type Build<F> = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => F;

const ValidatorSelector = fromFastify('@fastify/ajv-compiler') as () => Build<Validate>;
const SerializerSelector = fromFastify('@fastify/fast-json-stringify-compiler') as () => Build<(data: unknown) => string>;

/** `schemaController.compilersFactory` for Fastify: compile on first use. */
export function lazyCompilers(): NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']> {
  const buildValidator = ValidatorSelector();
  const buildSerializer = SerializerSelector();
  const factories: { buildValidator: Build<Validate>; buildSerializer: Build<(data: unknown) => string> } = {
    buildValidator: (externalSchemas, options) => {
      const compile = buildValidator(externalSchemas, options);
      return (route) => {
        let fn: Validate | undefined;
        // Fastify reads `.errors` off the function it called when validation fails.
        const lazy: Validate = (data) => {
          fn ??= compile(route);
          const ok = fn(data);
          lazy.errors = fn.errors;
          return ok;
        };
        return lazy;
      };
    },
    buildSerializer: (externalSchemas, options) => {
      const compile = buildSerializer(externalSchemas, options);
      return (route) => {
        let fn: ((data: unknown) => string) | undefined;
        return (data) => (fn ??= compile(route))(data);
      };
    },
  };
  return factories as unknown as ReturnType<typeof lazyCompilers>;
}
