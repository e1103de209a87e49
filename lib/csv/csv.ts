/**
 * A small CSV writer: RFC 4180 records (CRLF line ends, a field quoted when it holds a comma,
 * a double quote, CR or LF, with its double quotes doubled) that are safe to open in a
 * spreadsheet.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @, a tab or a carriage return as a formula, so "=HYPERLINK(…)" typed into a reference
 * field could run when an Administrator opens the export. Every text cell starting with one
 * of those characters gets a leading single quote, which spreadsheets read as "this is text".
 * Numbers are the one exception, so a column of amounts still sums: a JavaScript number, or a
 * decimal string the program made itself and marks with `decimalCell` ("-12.50"), which is
 * checked to be nothing but a plain decimal number.
 */

const decimalPattern = /^-?\d+(?:\.\d+)?$/;

/** A plain decimal number written by the program itself, kept numeric in the sheet. */
export class DecimalCell {
  readonly text: string;

  constructor(text: string) {
    if (!decimalPattern.test(text)) {
      throw new RangeError(`Not a plain decimal number: ${JSON.stringify(text)}.`);
    }
    this.text = text;
  }
}

/** "-12.50" as a numeric cell; anything but a plain decimal number throws. */
export function decimalCell(text: string): DecimalCell {
  return new DecimalCell(text);
}

export type CsvCell = string | number | DecimalCell | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** One field as it is written: neutralized when it could start a formula, quoted as needed. */
export function csvField(cell: CsvCell): string {
  let text: string;
  if (cell === null || cell === undefined) text = "";
  else if (cell instanceof DecimalCell) text = cell.text;
  else if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`Not a finite number: ${cell}.`);
    text = String(cell);
  } else text = formulaStart.test(cell) ? `'${cell}` : cell;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvOptions = {
  /**
   * Starts the text with a UTF-8 byte order mark, without which Excel reads the file in the
   * system's legacy code page and garbles "•" or "é".
   */
  byteOrderMark?: boolean;
};

/** The records as CSV text, each ended by CRLF (the last one too). */
export function toCsv(records: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const body = records.map((record) => `${record.map(csvField).join(",")}\r\n`).join("");
  return options.byteOrderMark ? `\uFEFF${body}` : body;
}
