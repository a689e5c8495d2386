import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type Log = Logger;

/** Creates the process logger: JSON lines on stdout. */
export function createLog(config: Pick<Config, 'logLevel'>): Log {
  return pino({ level: config.logLevel, base: undefined, redact: ['req.headers.cookie', 'req.headers.authorization'] });
}
