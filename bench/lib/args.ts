/** Parsed `--name value` and `--flag` arguments, plus positionals. */
export interface Args {
  positional: string[];
  get(name: string): string | undefined;
  has(name: string): boolean;
  number(name: string, fallback: number): number;
}

/** Parses argv; `--name=value` and `--name value` both work; a bare `--name` is true. */
export function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    if (eq > 0) values.set(a.slice(2, eq), a.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) values.set(a.slice(2), argv[++i]!);
    else values.set(a.slice(2), 'true');
  }
  return {
    positional,
    get: (n) => values.get(n),
    has: (n) => values.has(n),
    number: (n, fallback) => {
      const raw = values.get(n);
      if (raw === undefined) return fallback;
      const x = Number(raw);
      if (!Number.isFinite(x) || x < 0) throw new Error(`--${n} must be a non-negative number, got "${raw}"`);
      return x;
    },
  };
}
