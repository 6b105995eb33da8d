/** RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break; CRLF between records. */

export const CSV_RECORD_END = '\r\n';

/**
 * Text from articles is untrusted: a cell starting with = + - @ (or a tab or CR) runs as a
 * formula when the file is opened in a spreadsheet, so it gets a leading apostrophe. Numbers
 * (a negative longitude) are left alone.
 */
function defused(value: string): string {
  return /^[=+@\t\r]/.test(value) || /^-(?!\d+(\.\d+)?$)/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? String(value) : defused(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRecord(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',') + CSV_RECORD_END;
}
