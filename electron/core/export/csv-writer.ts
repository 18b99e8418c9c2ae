import { csvField, formulaSafeText } from './csv-format';
import { formatDateMs, formatJakarta, toDateMs, toInstantMs, toNumber, type ColumnSpec, type ExportOptions, type ExportResult, type RowSource } from './columns';
import { openTextSink } from './text-sink';

/**
 * Streams rows to a CSV file Excel opens correctly: UTF-8 with BOM, comma separated, CRLF line ends,
 * RFC 4180 quoting. Text that could start a formula gets a leading `'` (see formulaSafeText); dates
 * are `YYYY-MM-DD`, datetimes ISO 8601 in Jakarta time (`…+07:00`), money plain integer Rupiah.
 */
export async function writeCsv(path: string, columns: readonly ColumnSpec[], rows: RowSource, options: ExportOptions = {}): Promise<ExportResult> {
  const every = options.progressEvery ?? 10_000;
  const format = columns.map((c) => fieldFormatter(c));
  const sink = openTextSink(path);
  let count = 0;
  try {
    sink.write('\uFEFF' + columns.map((c) => csvField(formulaSafeText(c.header))).join(',') + '\r\n');
    for await (const row of rows) {
      let line = '';
      for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + format[i]!(row[columns[i]!.key]);
      const wait = sink.write(line + '\r\n');
      if (wait) await wait;
      if (++count % every === 0) {
        options.checkCancelled?.();
        options.progress?.(count);
      }
    }
    await sink.close();
  } catch (err) {
    await sink.abort();
    throw err;
  }
  options.progress?.(count);
  return { path, rows: count };
}

function fieldFormatter(column: ColumnSpec): (value: unknown) => string {
  const text = (value: unknown) => (value === null || value === undefined ? '' : csvField(formulaSafeText(String(value))));
  switch (column.type) {
    case 'text':
      return text;
    case 'integer':
    case 'money':
      return (value) => {
        const n = toNumber(value);
        return n === null ? text(value) : String(n);
      };
    case 'date':
      return (value) => {
        const ms = toDateMs(value);
        return ms === null ? text(value) : formatDateMs(ms);
      };
    case 'datetime':
      return (value) => {
        const ms = toInstantMs(value);
        return ms === null ? text(value) : formatJakarta(ms);
      };
  }
}
