import type { Config } from '../core/config.ts';
import { EXIT, type CliIo } from './io.ts';

/** `guildhall eval experts --dump <dump-folder>` (owned by src/people/routing). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function evalExpertsCommand(_config: Config, io: CliIo, args: string[]): Promise<number> {
  io.err.write('guildhall eval experts: not built yet\n');
  return EXIT.failed;
}
