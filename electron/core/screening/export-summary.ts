import ExcelJS from 'exceljs';
import { REASON_CODES } from '../../../shared/eligibility';
import { openSqlite } from '../db/connection';
import { REASON_TITLES, longDate } from './explain';
import { exportTarget, registerExportSync } from '../files/export-file';
import type { ExportJobContext } from '../export/job-context';
import { runOrLatest } from './runs';
import { screeningSummary } from './summary';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number }[], rows: Record<string, unknown>[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  // Text cells never become formulas: exceljs writes a formula only from a {formula} object.
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** The screening summary workbook: sheets by province and by reason, for one run (default the latest). */
export async function exportScreeningSummary(ctx: ExportJobContext, params: { runId?: number | undefined }) {
  const now = (ctx.now ?? (() => new Date()))();
  const sqlite = openSqlite(ctx.dbPath);
  try {
    const summary = screeningSummary(runOrLatest(sqlite, params.runId));
    const workbook = new ExcelJS.Workbook();
    workbook.created = now;
    const reasonColumns = REASON_CODES.map((code) => ({ header: code, key: code, width: 14 }));
    addSheet(
      workbook,
      'Per provinsi',
      [
        { header: 'Kode', key: 'code', width: 8 },
        { header: 'Provinsi', key: 'name', width: 30 },
        { header: 'Pendaftar', key: 'total', width: 12 },
        { header: 'Layak', key: 'eligible', width: 12 },
        { header: 'Tidak layak', key: 'ineligible', width: 12 },
        ...reasonColumns,
      ],
      [
        ...summary.byProvince.map((p) => ({ code: p.provinceCode, name: p.provinceName ?? p.provinceCode, total: p.total, eligible: p.eligible, ineligible: p.ineligible, ...p.reasons })),
        { code: '', name: 'Jumlah', total: summary.total, eligible: summary.eligible, ineligible: summary.ineligible, ...summary.reasons },
      ],
    );
    addSheet(
      workbook,
      'Per alasan',
      [
        { header: 'Kode alasan', key: 'code', width: 22 },
        { header: 'Keterangan', key: 'title', width: 50 },
        { header: 'Pendaftar', key: 'count', width: 12 },
        { header: 'Persen dari semua pendaftar', key: 'share', width: 16 },
      ],
      REASON_CODES.map((code) => ({ code, title: REASON_TITLES[code], count: summary.reasons[code], share: summary.total ? summary.reasons[code] / summary.total : 0 })),
    ).getColumn('share').numFmt = '0.00%';
    const info = workbook.addWorksheet('Keterangan');
    info.columns = [{ width: 34 }, { width: 40 }];
    for (const row of [
      ['Penyaringan nomor', summary.run.id],
      ['Tanggal acuan', longDate(summary.run.asOf)],
      ['Dijalankan oleh', summary.run.username ?? '-'],
      ['Selesai', summary.run.finishedAt ?? '-'],
      ['Layak setelah koreksi disetujui', summary.effective.eligible],
      ['Tidak layak setelah koreksi disetujui', summary.effective.ineligible],
      ['Koreksi menjadi layak', summary.overridden.toEligible],
      ['Koreksi menjadi tidak layak', summary.overridden.toIneligible],
      ['Koreksi yang gugur karena fakta berubah', summary.overridden.lapsed],
    ]) info.addRow(row);

    const fileName = `ringkasan-penyaringan-${summary.run.id}-${summary.run.asOf}.xlsx`;
    const target = exportTarget(ctx.dbPath, fileName);
    await workbook.xlsx.writeFile(target);
    const file = registerExportSync(
      sqlite,
      { path: target, originalName: fileName, ownerUserId: ctx.owner.userId },
      { userId: ctx.owner.userId, username: ctx.owner.username, action: 'screening.exportSummary', entity: 'screening_run', entityId: summary.run.id, after: { fileName } },
      now,
    );
    return { ...file, runId: summary.run.id };
  } finally {
    sqlite.close();
  }
}
