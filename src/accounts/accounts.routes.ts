import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { authRoutes } from './auth.routes.ts';
import { passwordResetRoutes } from './password-reset.routes.ts';
import { settingsRoutes } from './settings.routes.ts';
import { tokensRoutes } from './tokens.routes.ts';

/** Pages and API routes of accounts: sign up/in/out, password reset, settings, API tokens. */
export async function accountsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await authRoutes(app, deps);
  await passwordResetRoutes(app, deps);
  await settingsRoutes(app, deps);
  await tokensRoutes(app, deps);
}
