import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { ImportError } from './import.errors.ts';

/** One `<row .../>` of a dump file: its attributes, and the line it starts on (for error messages). */
export interface DumpRow {
  attrs: Record<string, string>;
  line: number;
}

/** A dump that cannot be imported: names the file (and line, when the problem is in one). */
export class DumpError extends ImportError {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.name = 'DumpError';
  }
}

/**
 * Streams the `<row>` elements of one dump file to `onBatch`, `batchSize` rows at a time, reading
 * the file in chunks (memory holds one chunk and one batch, never the file). The next chunk is read
 * only after `onBatch` settles. Malformed or truncated XML throws a DumpError naming the file and line.
 */
export async function streamRows(file: string, batchSize: number, onBatch: (rows: DumpRow[], bytesRead: number) => Promise<void>): Promise<number> {
  const name = path.basename(file);
  const parser = new SaxesParser({ position: true });
  const rows: DumpRow[] = [];
  let count = 0;
  let failure: DumpError | null = null;
  let depth = 0;
  parser.on('error', (err) => {
    const msg = err.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    failure ??= new DumpError(`malformed XML (${msg}, column ${parser.column})`, name, parser.line);
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth === 2 && tag.name === 'row') {
      rows.push({ attrs: tag.attributes as Record<string, string>, line: parser.line });
      count += 1;
    }
  });
  parser.on('closetag', () => {
    depth -= 1;
  });
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (failure) throw failure;
      // Exactly batchSize rows per call (a chunk of small rows holds thousands): bounded statements.
      while (rows.length >= batchSize) await onBatch(rows.splice(0, batchSize), stream.bytesRead);
    }
    parser.close();
    if (failure) throw failure;
  } finally {
    stream.destroy();
  }
  if (rows.length > 0) await onBatch(rows.splice(0), stream.bytesRead);
  return count;
}

/** An attribute that must be there and be an integer; a DumpError naming file and line otherwise. */
export function intAttr(row: DumpRow, file: string, name: string): number {
  const v = row.attrs[name];
  if (v === undefined || !/^-?\d+$/.test(v)) throw new DumpError(`row has ${v === undefined ? `no ${name}` : `a bad ${name} "${v.slice(0, 40)}"`}`, file, row.line);
  return Number(v);
}

/** An optional integer attribute (absent or empty → null). */
export function optionalInt(row: DumpRow, file: string, name: string): number | null {
  const v = row.attrs[name];
  return v === undefined || v === '' ? null : intAttr(row, file, name);
}

/** A dump date ("2021-04-27T15:06:44.553", UTC without a zone) as ISO-8601 UTC; a DumpError when it is not one. */
export function dateAttr(row: DumpRow, file: string, name: string): string {
  const v = row.attrs[name];
  const d = v && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?$/.test(v) ? new Date(v.endsWith('Z') ? v : `${v}Z`) : null;
  if (!d || Number.isNaN(d.getTime())) throw new DumpError(`row has ${v === undefined ? `no ${name}` : `a bad ${name} "${v.slice(0, 40)}"`}`, file, row.line);
  return d.toISOString();
}

/** An optional date attribute (absent → null). */
export function optionalDate(row: DumpRow, file: string, name: string): string | null {
  return row.attrs[name] === undefined || row.attrs[name] === '' ? null : dateAttr(row, file, name);
}
