/** Where a command writes: stdout for results, stderr for problems. process.stdout/stderr fit. */
export interface CliIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** The real terminal. */
export const processIo: CliIo = { out: process.stdout, err: process.stderr };

/** Exit codes: 0 done, 1 the command failed (bad input, conflict), 2 usage or configuration error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
