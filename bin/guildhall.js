#!/usr/bin/env node
// The `guildhall` command. TypeScript runs through tsx's loader, so there is no build step.
// The tsconfig is named explicitly: tsx would otherwise look for one in the current directory,
// and the JSX settings in ours are what make the pages render.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
