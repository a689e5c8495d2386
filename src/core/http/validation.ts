import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { FieldIssue } from './errors.ts';

const friendly: Record<string, (e: FastifySchemaValidationError) => string> = {
  minLength: (e) => (e.params.limit === 1 ? 'must not be empty' : `must be at least ${String(e.params.limit)} characters`),
  maxLength: (e) => `must be at most ${String(e.params.limit)} characters`,
  pattern: () => 'has characters that are not allowed here',
  format: (e) => `must be a valid ${String(e.params.format)}`,
  enum: (e) => `must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}`,
  minimum: (e) => `must be at least ${String(e.params.limit)}`,
  maximum: (e) => `must be at most ${String(e.params.limit)}`,
  maxItems: (e) => `must have at most ${String(e.params.limit)} items`,
  type: (e) => `must be a ${String(e.params.type)}`,
  additionalProperties: (e) => `is not a known field (${String(e.params.additionalProperty)})`,
};

/** Turns Ajv's errors into one issue per field, each naming the field in plain words. */
export function issuesFromValidation(errors: FastifySchemaValidationError[]): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const e of errors) {
    const missing = e.keyword === 'required' ? String(e.params.missingProperty) : null;
    const pathField = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = missing ?? (pathField || String(e.params.additionalProperty ?? 'body'));
    if (seen.has(field)) continue;
    seen.add(field);
    const text = missing ? 'is required' : (friendly[e.keyword]?.(e) ?? e.message ?? 'is not valid');
    issues.push({ field, message: `${labelFor(field)} ${text}` });
  }
  return issues;
}

function labelFor(field: string): string {
  const words = field.replace(/[_.]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
