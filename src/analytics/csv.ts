import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/** One column of a CSV export: the header and how to read it from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/**
 * Rows as RFC 4180 CSV with a header line. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are prefixed with a quote (csv-stringify's
 * escape_formulas), so an exported title can never execute.
 */
export function toCsv<T>(columns: ReadonlyArray<CsvColumn<T>>, rows: readonly T[]): string {
  const records = rows.map((r) => columns.map((c) => {
    const v = c.value(r);
    return v === null || v === undefined ? '' : v;
  }));
  return stringify([columns.map((c) => c.header), ...records], { escape_formulas: true, record_delimiter: 'windows' });
}

/** Sends a CSV download named `<filename>.csv` (filename: letters, digits, dashes). */
export function sendCsv<T>(reply: FastifyReply, filename: string, columns: ReadonlyArray<CsvColumn<T>>, rows: readonly T[]): FastifyReply {
  const safe = filename.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'export';
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safe}.csv"`)
    .header('cache-control', 'private, no-store')
    .send(toCsv(columns, rows));
}
