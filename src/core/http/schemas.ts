import { Type, type TSchema } from '@sinclair/typebox';

/** The one error shape of the API: `{"error":{"code","message","details"}}`. */
export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  }),
});

/** The error responses a route may answer with, keyed by status, for its `response` schema. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorSchema]));
}
