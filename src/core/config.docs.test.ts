import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const configSource = fs.readFileSync(path.join(root, 'src', 'core', 'config.ts'), 'utf8');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** Every environment variable config.ts reads: `env.NAME` or a helper called with `env, 'NAME'`. */
const variables = [...new Set([...configSource.matchAll(/env(?:\.|, ')([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]!))].sort();

describe('README configuration table', () => {
  it('finds the variables config.ts reads', () => {
    expect(variables).toContain('PORT');
    expect(variables.length).toBeGreaterThan(10);
  });

  it.each(variables)('documents %s with its default and meaning', (name) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\| [^|]+ \\| \\S[^|]+ \\|$`, 'm'));
  });
});
