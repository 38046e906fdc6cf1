import 'server-only';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { AppError } from '@/lib/errors';

/** The encodings an uploaded spreadsheet comes in; Windows-1254 is Excel's "CSV" on Turkish Windows. */
export const CSV_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1254'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export const CSV_DELIMITERS = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** A CSV file is read whole into memory; this keeps a single upload to a few tens of MB in RAM. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Rows beyond this are refused at upload rather than half-imported. */
export const MAX_IMPORT_ROWS = 200_000;

/**
 * The encoding of a file, by its byte-order mark or by whether it is valid UTF-8. Bytes that are
 * not valid UTF-8 are what Turkish Excel writes (Windows-1254: ş = 0xFE, ğ = 0xF0, İ = 0xDD). A
 * Windows-1254 file with only ASCII letters is valid UTF-8 too, and reads the same either way.
 */
export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1254';
  }
}

export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'utf-8-bom':
      return buffer.subarray(3).toString('utf8');
    case 'utf-16le':
      return iconv.decode(buffer.subarray(2), 'utf-16le');
    case 'windows-1254':
      return iconv.decode(buffer, 'windows-1254');
    default:
      return buffer.toString('utf8');
  }
}

/** Counts of a character outside double-quoted cells in one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ch && !inQuotes) n++;
  }
  return n;
}

/**
 * The separator of a CSV text: the candidate that splits the first lines into the same number of
 * cells most often, more cells breaking ties. Turkish Excel writes `;` (the comma is the decimal
 * separator there), most other programs `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const lines = text.split(/\r\n|\n|\r/, 20).filter((l) => l.trim() !== '').slice(0, 10);
  let best: CsvDelimiter = ';';
  let bestScore = -1;
  for (const d of CSV_DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const agreeing = counts.filter((c) => c === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

export type CsvRecord = { /** The line the row starts on, as a spreadsheet numbers it. */ line: number; cells: string[] };
export type ParsedCsv = { headers: string[]; records: CsvRecord[] };

/**
 * Parses CSV text into a header row and data rows. Quoted cells may hold separators and line breaks;
 * rows may have fewer or more cells than the header; blank rows are dropped. A file that is not
 * CSV at all (an unbalanced quote) is a validation error on the file field.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter, options: { toLine?: number } = {}): ParsedCsv {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      ...(options.toLine ? { to_line: options.toLine } : {}),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    throw new AppError('VALIDATION', 'imports.errors.unreadable', { file: 'csvUnreadable' });
  }
  const [first, ...rest] = rows;
  if (!first) throw new AppError('VALIDATION', 'imports.errors.empty', { file: 'csvEmpty' });
  const headers = first.record.map((h) => h.trim());
  // `lines` is the line a record ends on: for the usual one-line row, the row number a spreadsheet
  // shows (the header being row 1).
  const records = rest.map((r) => ({ line: r.info.lines, cells: r.record }));
  return { headers, records };
}

export type ReadCsv = ParsedCsv & { encoding: CsvEncoding; delimiter: CsvDelimiter };

/** Detects, decodes and parses an uploaded file. */
export function readCsv(bytes: Uint8Array, known?: { encoding: CsvEncoding; delimiter: CsvDelimiter }, options: { toLine?: number } = {}): ReadCsv {
  const encoding = known?.encoding ?? detectEncoding(bytes);
  const text = decodeCsv(bytes, encoding);
  const delimiter = known?.delimiter ?? detectDelimiter(text);
  return { encoding, delimiter, ...parseCsv(text, delimiter, options) };
}
