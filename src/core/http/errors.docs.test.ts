import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorCodes } from './errors.ts';

const apiDoc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'api.md');

describe('docs/api.md', () => {
  const doc = fs.readFileSync(apiDoc, 'utf8');

  it.each(Object.keys(errorCodes))('documents the error code %s in the codes table', (code) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` \\| \\d{3} \\| \\S`, 'm'));
  });

  it('documents no code that errorCodes does not have', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(errorCodes).sort());
  });
});
