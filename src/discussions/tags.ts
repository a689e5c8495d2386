import { badRequest } from '../core/http/errors.ts';
import { TAG_PATTERN } from './discussions.schema.ts';

const TAG = new RegExp(TAG_PATTERN);

/**
 * Checks a list of tags: each lower-case a-z, 0-9 and -, at most 30 characters, at most `max` of them.
 * Duplicates are dropped. Throws 400 naming `tags` (listing the bad ones) otherwise.
 */
export function checkTags(tags: readonly string[], max: number): string[] {
  const unique = [...new Set(tags)];
  const bad = unique.filter((t) => !TAG.test(t));
  if (bad.length > 0) {
    const message = `Tags may only use lower-case letters, digits and -, up to 30 characters: ${bad.map((b) => `"${b.slice(0, 40)}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not allowed`;
    throw badRequest(message, [{ field: 'tags', message }]);
  }
  if (unique.length > max) {
    const message = `Tags: at most ${max} (you gave ${unique.length})`;
    throw badRequest(message, [{ field: 'tags', message }]);
  }
  return unique;
}

/** Reads the comma-separated tags field of a form: trimmed, lower-cased, blanks dropped, then checkTags. */
export function parseTagField(raw: string | undefined, max: number): string[] {
  const parts = (raw ?? '')
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
  return checkTags(parts, max);
}
