import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from './errors.ts';

const WINDOW_MS = 10 * 60 * 1000;

/**
 * Registers the rate limiter (off for every route unless the route asks for it with `authRateLimit`).
 * Too many attempts answer 429 RATE_LIMITED in the usual error shape (an HTML page for forms), with
 * Retry-After. Counts live in this process's memory: in cluster mode each node counts on its own.
 */
export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
      return new AppError(429, 'RATE_LIMITED', `Too many attempts from your network. Wait ${wait} and try again.`);
    },
  });
}

/** Route options that limit a sign-in / sign-up / password-reset route per client address (none when the limit is 0). */
export function authRateLimit(config: Config): Pick<RouteShorthandOptions, 'config'> {
  if (config.authRateLimit === 0) return {};
  return { config: { rateLimit: { max: config.authRateLimit, timeWindow: WINDOW_MS } } };
}
