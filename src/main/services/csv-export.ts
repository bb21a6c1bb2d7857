/**
 * RFC 4180 CSV with CRLF line ends. Cells that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab/CR that some programs strip first) get a leading apostrophe: a customer or user name
 * typed by anyone must not become code on the staffer's machine.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
