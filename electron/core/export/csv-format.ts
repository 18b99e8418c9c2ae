/** RFC 4180 field quoting and the spreadsheet formula guard shared by every CSV we write. */

const NEEDS_QUOTES = /[",\r\n]/;

/** Quotes a field when it holds a comma, a double quote or a line break; inner quotes are doubled. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** DESIGN 4: a cell must never start a formula. These are the characters spreadsheets act on. */
export function looksLikeFormula(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return c === 61 /* = */ || c === 43 /* + */ || c === 45 /* - */ || c === 64 /* @ */ || c === 9 /* tab */ || c === 13; /* CR */
}

/**
 * For CSV exports: OWASP's recommendation — prefix a formula-like value with a single quote, which
 * Excel and LibreOffice treat as "this is text" and do not show. The value read back by a program
 * then starts with `'`; that is the price of a CSV that cannot run code when opened.
 */
export function formulaSafeText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(fields[i]!);
  return line;
}
