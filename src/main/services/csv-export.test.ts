import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv-export';
import { parse } from 'csv-parse/sync';

/** RFC 4180, read with csv-parse: quoted cells, doubled quotes, CRLF rows, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises spreadsheet formulas', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) expect(csvCell(evil).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('reads back cell for cell (formula cells with their apostrophe)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 4 }), { maxLength: 5 }), (rows) => {
        const header = ['a', 'b', 'c', 'd'].slice(0, rows[0]?.length ?? 2);
        const fitted = rows.map((r) => header.map((_, i) => r[i] ?? ''));
        const back = parseCsv(toCsv(header, fitted));
        expect(back).toEqual([header, ...fitted.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)))]);
      }),
    );
  });
});
