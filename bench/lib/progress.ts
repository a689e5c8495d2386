/** Prints "label done/total (rate rows/s)" to stderr at most twice a second, and a final line. */
export function progress(label: string, total: number, out: NodeJS.WritableStream = process.stderr): { tick(n: number, rows?: number): void; done(): { seconds: number; rowsPerSecond: number } } {
  const start = performance.now();
  let last = 0;
  let count = 0;
  let rows = 0;
  const line = (final: boolean) => {
    const seconds = (performance.now() - start) / 1000;
    const rate = Math.round(rows / Math.max(seconds, 1e-3));
    out.write(`\r${label} ${count.toLocaleString('en')}/${total.toLocaleString('en')} (${rate.toLocaleString('en')} rows/s, ${seconds.toFixed(1)} s)${final ? '\n' : ''}`);
    return { seconds, rowsPerSecond: rate };
  };
  return {
    tick(n, r = n) {
      count += n;
      rows += r;
      const now = performance.now();
      if (now - last > 500) {
        last = now;
        line(false);
      }
    },
    done: () => line(true),
  };
}
