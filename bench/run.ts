import { parseArgs } from './lib/args.ts';

const USAGE = `npm run bench -- <command> [flags]

  generate  --scale tiny|small|medium|large [--db sqlite:<file>|postgres://…/gh_bench_x] [--corpus <dump-folder>] [--seed N] [--no-index]
  search    [--scale …] [--db …] [--queries N] [--http] [--duration S] [--connections N]
  import    [--db sqlite:<file>|postgres://…] [--dumps <dir,dir>] [--synthetic-posts N]
  pages     [--scale …] [--db …] [--duration S] [--connections N] [--only TEXT] [--anon-cache SECONDS] [--warmup S]   anonymous: topic page, topic JSON, lists, article vs bare Fastify
  soak      [--db …] [--seconds 600] [--connections N]   the anonymous page mix for a while, RSS every 10 s (also: --soak 600)
  coldstart [--db …] [--runs 3]   spawn → first topic page answered
  analytics [--db …] [--activity 1000000] [--members 20000] [--months 36] [--reuse] [--duration S] [--connections 1] [--only TEXT]   one community's health dashboards from rollups
  related-loop [--db …] [--topics 30] [--mode both|process|worker]   how long a cold "Related" ranking holds the event loop, main thread vs worker
  writes    [--scale …] [--db …] [--duration S] [--connections N] [--members N] [--only TEXT]   signed in: topic page, new reply, sign-in

Defaults: --scale large, --db sqlite:bench/data/<scale>.db. See docs/performance.md.
`;

/** `npm run bench -- <command>`: the benchmark suite's entry point (each command in its own module). */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const command = args.positional[0] ?? (args.has('soak') ? 'soak' : undefined);
  if (command === 'help' || args.has('help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!command) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (command === 'generate') {
    const { generate, defaultUrl } = await import('./generate.ts');
    const scale = args.get('scale') ?? 'large';
    const corpus = args.get('corpus');
    await generate({ url: args.get('db') ?? defaultUrl(scale), scale, seed: args.number('seed', 42), noIndex: args.has('no-index'), ...(corpus ? { corpus } : {}) });
    return 0;
  }
  if (command === 'search') {
    const { searchBench } = await import('./search.ts');
    return searchBench(args);
  }
  if (command === 'import') {
    const { importBench } = await import('./import.ts');
    return importBench(args);
  }
  if (command === 'pages') {
    const { pagesBench } = await import('./pages.ts');
    return pagesBench(args);
  }
  if (command === 'soak' || command === 'coldstart') {
    const { soakBench, coldStartBench } = await import('./soak.ts');
    return command === 'soak' ? soakBench(args) : coldStartBench(args);
  }
  if (command === 'analytics') {
    const { analyticsBench } = await import('./analytics.ts');
    return analyticsBench(args);
  }
  if (command === 'related-loop') return (await import('./related-loop.ts')).relatedLoopBench(args);
  if (command === 'writes') {
    const { writesBench } = await import('./writes.ts');
    return writesBench(args);
  }
  process.stderr.write(`unknown command "${command}"\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
