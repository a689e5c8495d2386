/** A figure as charts and tables print it: whole numbers plain, others to one decimal (two below 1). */
export function formatValue(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-GB');
  return Math.abs(v) < 1 ? v.toFixed(2) : v.toFixed(1);
}
