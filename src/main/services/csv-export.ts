import { portalText } from '../../shared/text/portal-text';

/**
 * RFC 4180 CSV with CRLF line ends, safe whatever separator the spreadsheet assumes.
 *
 * A customer or user name typed by anyone must not become code on the staffer's machine. Spreadsheets
 * run a cell that starts with = + - @ as a formula. Where the locale's separator is ";" (much of
 * Europe), a spreadsheet splits our lines at every ";" — inside quoted cells too — so a formula can
 * start after any ";" in a cell, not just at its start; the same goes for "," and tab under other
 * settings. So an apostrophe goes before a formula character (after any spaces or quotes) at the start
 * of a cell and after every "," ";" or tab inside it. Before that, `portalText` spells out control,
 * line-break and bidi characters, so no cell spans lines or turns itself around.
 */

// A separator (or the start), then anything a spreadsheet skips before a formula character.
const formulaAfterSeparator = /(^|[,;\t])(?=[\s"]*[=+\-@])/g;

/** A cell's text as exported, before quoting: visible controls, every possible formula start neutralised. */
export function csvText(value: string | null | undefined): string {
  return portalText(value ?? '').replace(formulaAfterSeparator, "$1'");
}

export function csvCell(value: string | null | undefined): string {
  const text = csvText(value);
  return /[",;\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
