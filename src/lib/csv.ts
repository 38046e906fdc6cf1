/**
 * CSV for people to open in a spreadsheet. Excel reads a CSV as the machine's ANSI code page unless
 * it starts with a UTF-8 byte-order mark, so Turkish letters need the BOM; and Excel in a Turkish
 * locale splits cells on `;` (the comma is its decimal separator), elsewhere on `,`.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** The separator Excel expects for a locale: `;` where the comma is the decimal separator. */
export function csvDelimiterFor(locale: string): ';' | ',' {
  return new Intl.NumberFormat(locale).format(1.5).includes(',') ? ';' : ',';
}

/**
 * A cell as text. Cells that a spreadsheet would run as a formula (`=`, `@`, or `+`/`-` not followed
 * by a plain number) get a leading apostrophe, so an exported value cannot become a formula
 * (CSV injection); a phone number such as "+90 532 123 45 67" is left as it is.
 */
function escapeCell(value: CsvCell, delimiter: string): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-][\d\s().]*$/.test(s))) s = `'${s}`;
  return s.includes(delimiter) || /["\r\n]/.test(s) || s.startsWith(' ') || s.endsWith(' ') ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows → CSV text with CRLF line ends (no BOM; see toCsvBytes). */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter: ';' | ',' = ';'): string {
  return rows.map((row) => row.map((cell) => escapeCell(cell, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** Rows → UTF-8 bytes with a byte-order mark, ready to download. */
export function toCsvBytes(rows: readonly (readonly CsvCell[])[], delimiter: ';' | ',' = ';'): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(toCsv(rows, delimiter));
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}

function downloadHeaders(fileName: string): HeadersInit {
  const ascii = fileName.replace(/[^\w.-]+/g, '_');
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** A download response for CSV rows (route handlers): UTF-8 with BOM, never cached. */
export function csvResponse(fileName: string, rows: readonly (readonly CsvCell[])[], delimiter: ';' | ',' = ';'): Response {
  return new Response(toCsvBytes(rows, delimiter), { headers: downloadHeaders(fileName) });
}

/**
 * A download response streamed page by page (large exports), escaped like csvResponse. The first
 * page is read before answering, so a failure there rejects and the route can answer an error.
 * A page that fails later errors the stream: the connection ends without its last chunk and the
 * browser reports a failed download instead of saving a file that silently lacks rows.
 */
export async function csvStreamResponse(
  fileName: string,
  header: readonly CsvCell[],
  pages: AsyncIterable<readonly (readonly CsvCell[])[]>,
  delimiter: ';' | ',' = ';',
): Promise<Response> {
  const iterator = pages[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const first = await iterator.next();
  const head = toCsvBytes([header, ...(first.done ? [] : first.value)], delimiter);
  const onlyHead = first.done ?? false;
  let sentHead = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        controller.enqueue(head);
        if (onlyHead) controller.close();
        return;
      }
      try {
        // Empty pages are skipped here: a pull that enqueues nothing is not called again.
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            controller.close();
            return;
          }
          if (next.value.length > 0) {
            controller.enqueue(encoder.encode(toCsv(next.value, delimiter)));
            return;
          }
        }
      } catch (err) {
        console.error('[csv export]', err);
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, { headers: downloadHeaders(fileName) });
}
