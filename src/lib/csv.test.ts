import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvDelimiterFor, csvResponse, toCsv, toCsvBytes } from './csv';

describe('CSV export', () => {
  it('starts with a UTF-8 BOM so Excel shows Turkish letters, and reads back cell for cell', () => {
    const rows = [
      ['Ad Soyad', 'Şehir', 'Not'],
      ['Şükrü Çağlayan', 'İzmir', 'Virgül, noktalı; "tırnak"\nyeni satır'],
      ['Işıl Öğüt', null, 42],
    ];
    const bytes = toCsvBytes(rows, ';');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back = parse(Buffer.from(bytes), { bom: true, delimiter: ';' });
    expect(back).toEqual([
      ['Ad Soyad', 'Şehir', 'Not'],
      ['Şükrü Çağlayan', 'İzmir', 'Virgül, noktalı; "tırnak"\nyeni satır'],
      ['Işıl Öğüt', '', '42'],
    ]);
  });

  it('keeps cells from running as formulas, but leaves phone numbers alone', () => {
    expect(toCsv([['=HYPERLINK("x")', '@SUM(A1)', '+90 532 123 45 67', '-12', '-1+1', '+cmd']], ',')).toBe(
      `"'=HYPERLINK(""x"")",'@SUM(A1),+90 532 123 45 67,-12,'-1+1,'+cmd\r\n`,
    );
  });

  it('uses the separator of the reader’s Excel', async () => {
    expect(csvDelimiterFor('tr')).toBe(';');
    expect(csvDelimiterFor('de')).toBe(';');
    expect(csvDelimiterFor('en')).toBe(',');
    const res = csvResponse('hatalar-İzmir.csv', [['a']]);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''hatalar-%C4%B0zmir.csv");
    expect(new Uint8Array(await res.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
