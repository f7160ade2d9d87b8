/**
 * Writing CSV that spreadsheets open safely. Every CSV file Copse sends goes through `toCsv`, so no
 * exporter can forget to neutralise a cell (OWASP, CSV injection): a cell a spreadsheet would read as a
 * formula (starting with =, +, -, @, a tab or a carriage return, also after leading spaces) gets a
 * single quote in front, which makes Excel, LibreOffice and Google Sheets show it as text. Copse keeps
 * the text as people wrote it; only the exported file changes it.
 */

export type CsvCell = string | number | null | undefined;

const formulaStart = /^\s*[=+\-@\t\r]/;

/** The cell as a spreadsheet must read it: as text, never as a formula. */
export function neutraliseCsvCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** One field of RFC 4180: in double quotes (doubled inside) when it holds a quote, comma or line break. */
function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // Numbers are written by us, never by people, and a negative one is a number, not a formula.
  const text = typeof cell === 'number' ? String(cell) : neutraliseCsvCell(cell);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file: the header, then one line per row, CRLF line ends (RFC 4180), and a byte order mark so
 * spreadsheets read it as UTF-8 (names with accents).
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
