import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { publishWaveInFile, SAMPLE_EXPIRY, SAMPLES } from '../helpers/participants';
import { callApi, closeDialog, createUsers, firstAdmin, importApplicants, importInDialog as importWithoutReject, nav, shot, signedIn, type Person } from './support/setup';
import { useShellServer } from './support/shell-server';

/*
 * Catalog, enrollments and invoice reconciliation with maker-checker, in the browser shell with real
 * clicks, on its own server, port and data folder. Finance user A imports the catalog, the purchases and
 * an invoices file, reconciles, notes a dispute, sees a late completion make the result stale and
 * reconciles again; finance user B approves in another browser context and exports the reconciliation
 * report and the payment advice.
 *
 * Setup only (not under test here): the applicants come in through the admin's import; wave 1 is
 * created, opened, closed, selected and published on 2026-12-01 through a core of the test's own on
 * the shell's database (test/helpers/participants.ts: its clock is set before that day, the shell's is
 * today's), and the admin runs the participants' expiry once the purchases are in.
 */
const PORT = Number(process.env.PRAKERJA_E2E_INVOICES_PORT ?? 5367);
const BASE = `http://127.0.0.1:${PORT}`;
const TALL = { height: 1500 };
const ADMIN: Person = { displayName: 'Rahmat Hidayat', username: 'rahmat.admin', password: 'kata-sandi-admin-6' };
const MAKER: Person = { displayName: 'Fajar Nugroho', username: 'fajar.keuangan', password: 'kata-sandi-fajar-6' };
const CHECKER: Person = { displayName: 'Sari Lestari', username: 'sari.keuangan', password: 'kata-sandi-sari-6' };

const shell = useShellServer('invoices', PORT);
const sample = (f: string) => path.join(SAMPLES, f);

/** The import dialog: pick the kind (catalog pages), pick the file, import, and expect no reject. */
async function importInDialog(page: Page, title: string, file: string, kindLabel?: string) {
  if (kindLabel) await page.getByRole('dialog').filter({ has: page.locator('#import-title') }).getByRole('button', { name: kindLabel, exact: true }).click();
  return importWithoutReject(page, title, file);
}

test('catalog, purchases and an invoice: import, reconcile, a late completion, approve as a second user, export', async ({ page, browser }, info) => {
  test.setTimeout(300_000);

  await test.step('setup: the first admin, two finance users, the sample applicants and their wave', async () => {
    await firstAdmin(page, ADMIN);
    await createUsers(page, 'finance', MAKER, CHECKER);
    await importApplicants(page, sample('applicants-sample.csv'));
    const wave = await publishWaveInFile(path.join(shell.dataDir, 'prakerja-office.sqlite'), ADMIN);
    expect(wave).toMatchObject({ wave: 1, publishedOn: '2026-12-01', revokedFrom: '2027-01-01' });
  });

  const maker = await signedIn(browser, BASE, MAKER);
  const m = maker.page;

  await test.step('finance imports institutions, trainings and purchases from the catalog pages', async () => {
    await nav(m).getByRole('link', { name: 'Pelatihan & Lembaga' }).click();
    await expect(m.getByRole('heading', { name: 'Pelatihan & Lembaga', level: 1 })).toBeVisible();
    await m.getByRole('button', { name: 'Impor', exact: true }).click();
    await importInDialog(m, 'Impor lembaga pelatihan', sample('institutions-sample.csv'));
    await m.getByRole('button', { name: 'Impor file lain' }).click();
    await importInDialog(m, 'Impor pelatihan', sample('trainings-sample.csv'), 'Pelatihan');
    await m.getByRole('button', { name: 'Impor file lain' }).click();
    await importInDialog(m, 'Impor pembelian (enrollment)', sample('enrollments-sample.csv'), 'Pembelian');
    await closeDialog(m, 'Impor pembelian (enrollment)');

    const institutions = m.getByRole('grid', { name: 'Lembaga pelatihan' });
    const lpk1 = institutions.getByRole('row', { name: /LPK Cahaya Digital Nusantara/ });
    await expect(lpk1).toBeVisible();
    // LPK-001 has three trainings in the catalog.
    await expect(lpk1.getByRole('gridcell').nth(2)).toHaveText('3');
    await expect(institutions.getByRole('row')).toHaveCount(6);
    await shot(m, info, 'invoices-catalog-institutions');

    await lpk1.getByRole('gridcell').first().click();
    await expect(m).toHaveURL(/#\/katalog\/pelatihan\?institutionId=LPK-001/);
    await expect(m.getByRole('grid', { name: 'Pelatihan' }).getByRole('row')).toHaveCount(4);
    await shot(m, info, 'invoices-catalog-trainings');

    await m.getByRole('tab', { name: 'Pembelian (enrollment)' }).click();
    await m.getByRole('combobox', { name: 'Keadaan' }).click();
    await m.getByRole('option', { name: 'Dibatalkan' }).click();
    await expect(m).toHaveURL(/state=cancelled/);
    await expect(m.getByRole('grid', { name: 'Pembelian (enrollment)' }).getByRole('row', { name: /ENR-2026-/ })).toHaveCount(3);
    await m.getByRole('button', { name: 'Hapus filter' }).click();
    await expect(m.getByRole('grid', { name: 'Pembelian (enrollment)' }).getByText('ENR-2026-00080')).toBeVisible();
    await shot(m, info, 'invoices-catalog-enrollments');
  });

  await test.step('setup: the admin runs the expiry once the purchases are in (the deadline was 2026-12-31)', async () => {
    const expiry = (await callApi(page, 'participants.expire', { asOf: SAMPLE_EXPIRY })) as { revoked: number };
    expect(expiry.revoked).toBeGreaterThanOrEqual(1);
  });

  await test.step('finance imports the invoices file (two invoices) and reconciles INV-2027-0001', async () => {
    await nav(m).getByRole('link', { name: 'Tagihan' }).click();
    await m.getByRole('button', { name: 'Impor tagihan' }).click();
    await importInDialog(m, 'Impor tagihan', sample('invoices-sample.csv'));
    await closeDialog(m, 'Impor tagihan');
    const list = m.getByRole('grid', { name: 'Tagihan' });
    await expect(list.getByRole('row', { name: /INV-2027-0001/ })).toContainText('Belum direkonsiliasi');
    await expect(list.getByRole('row', { name: /INV-2027-0002/ })).toContainText('Rp1.850.000');
    await shot(m, info, 'invoices-list');

    await list.getByRole('gridcell', { name: 'INV-2027-0001' }).click();
    await expect(m.getByRole('heading', { name: 'Tagihan INV-2027-0001', level: 1 })).toBeVisible();
    await expect(m.getByText(/Tagihan ini belum direkonsiliasi/)).toBeVisible();
    await m.getByRole('button', { name: 'Rekonsiliasi', exact: true }).click();
    await expect(m.getByText(/Rekonsiliasi selesai: Rp3\.000\.000 disetujui, Rp7\.150\.000 disengketakan/)).toBeVisible({ timeout: 60_000 });
    await expect(m.getByLabel('Disetujui: Rp3.000.000')).toBeVisible();
    // Every status of DESIGN 3.4 but ALREADY_BILLED is among the chips, with its count.
    const chips = m.getByRole('group', { name: 'Saring baris menurut status' });
    for (const label of ['Cocok (5)', 'Baris ganda (1)', 'Enrollment tidak dikenal (1)', 'Lembaga tidak sesuai (1)', 'Peserta tidak sesuai (1)', 'Pelatihan tidak sesuai (1)', 'Dibatalkan (1)', 'Kepesertaan dicabut (1)', 'Belum selesai (2)', 'Jumlah tidak sesuai (1)']) {
      await expect(chips.getByRole('button', { name: label })).toBeVisible();
    }
    // The maker may not decide.
    await expect(m.getByText(/Anda merekonsiliasi tagihan ini/)).toBeVisible();
    await expect(m.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
  });

  await test.step('filter by a status, open a line\'s evidence and note the dispute', async () => {
    const chips = m.getByRole('group', { name: 'Saring baris menurut status' });
    await chips.getByRole('button', { name: 'Belum selesai (2)' }).click();
    await expect(m).toHaveURL(/status=NOT_COMPLETED/);
    const lines = m.getByRole('grid', { name: 'Baris tagihan' });
    await expect(lines.getByRole('row', { name: /ENR-2026-/ })).toHaveCount(2);
    await lines.getByRole('gridcell', { name: 'ENR-2026-00045' }).click();
    const drawer = m.getByRole('dialog', { name: /Baris 13 · ENR-2026-00045/ });
    await expect(drawer.getByText('Platform belum melaporkan pelatihan ini selesai.')).toBeVisible();
    await expect(drawer.getByText('belum dilaporkan selesai')).toBeVisible();
    await expect(drawer.getByText('Dasar Pemrograman Web untuk Pemula')).toBeVisible();
    await drawer.getByLabel('Catatan sengketa untuk lembaga').fill('Sertifikat belum kami terima dari platform; tagihkan lagi setelah sertifikat terbit.');
    await drawer.getByRole('button', { name: 'Simpan catatan' }).click();
    await expect(m.getByText('Catatan baris 13 disimpan.')).toBeVisible();
    await shot(m, info, 'invoices-line-evidence');
    await drawer.getByRole('button', { name: 'Tutup' }).click();
    await chips.getByRole('button', { name: /^Semua \(15\)/ }).click();
    // The grid renders only the rows in view; the pager counts them all.
    await expect(m.getByText('1–15 dari 15')).toBeVisible();
    await shot(m, info, 'invoices-invoice-reconciled');
    await shot(m, info, 'invoices-invoice-reconciled-full', TALL);
  });

  await test.step('a later purchases file completes line 13: the result is stale until reconciled again', async () => {
    await nav(m).getByRole('link', { name: 'Pelatihan & Lembaga' }).click();
    await m.getByRole('tab', { name: 'Pembelian (enrollment)' }).click();
    await m.getByRole('button', { name: 'Impor', exact: true }).click();
    const dialog = await importInDialog(m, 'Impor pembelian (enrollment)', sample('enrollments-update-sample.csv'));
    await expect(dialog.getByLabel('Diperbarui: 1')).toBeVisible();
    await closeDialog(m, 'Impor pembelian (enrollment)');

    await m.goto('/#/tagihan/INV-2027-0001');
    await expect(m.getByText(/Data berubah sejak rekonsiliasi terakhir pada 1 baris \(antara lain baris 13\)/)).toBeVisible();
    await m.getByRole('button', { name: 'Rekonsiliasi ulang' }).click();
    await expect(m.getByText(/Rekonsiliasi selesai: Rp3\.750\.000 disetujui/)).toBeVisible({ timeout: 60_000 });
    await expect(m.getByText(/Data berubah sejak rekonsiliasi terakhir/)).toHaveCount(0);
    await expect(m.getByRole('table', { name: 'Riwayat rekonsiliasi' }).getByRole('row')).toHaveCount(3);
  });

  const checker = await signedIn(browser, BASE, CHECKER);
  const c = checker.page;

  await test.step('a second finance user approves with confirmation; the invoice locks', async () => {
    await nav(c).getByRole('link', { name: 'Tagihan' }).click();
    await c.getByRole('grid', { name: 'Tagihan' }).getByRole('gridcell', { name: 'INV-2027-0001' }).click();
    await expect(c.getByText(new RegExp(`Menunggu persetujuan. Direkonsiliasi oleh ${MAKER.username}`))).toBeVisible();
    // Rejecting needs a reason: the field has the focus, the button waits for three characters, Escape backs out.
    await c.getByRole('button', { name: 'Tolak' }).click();
    const reject = c.getByRole('dialog', { name: 'Tolak tagihan INV-2027-0001?' });
    await expect(reject.getByLabel('Alasan penolakan')).toBeFocused();
    await c.keyboard.type('ab');
    await expect(reject.getByRole('button', { name: 'Tolak' })).toBeDisabled();
    await c.keyboard.type('c: baris 13 belum bersertifikat');
    await expect(reject.getByRole('button', { name: 'Tolak' })).toBeEnabled();
    await shot(c, info, 'invoices-reject-dialog');
    await c.keyboard.press('Escape');
    await expect(reject).toBeHidden();
    await c.getByRole('button', { name: 'Setujui' }).click();
    const confirm = c.getByRole('dialog', { name: 'Setujui tagihan INV-2027-0001?' });
    await expect(confirm).toContainText('Dibayar Rp3.750.000 dari Rp10.150.000 yang ditagih (6 baris cocok)');
    await shot(c, info, 'invoices-approve-dialog');
    await confirm.getByRole('button', { name: 'Setujui' }).click();
    await expect(c.getByText('Tagihan INV-2027-0001 disetujui.')).toBeVisible();
    await expect(c.getByText(new RegExp(`Disetujui oleh ${CHECKER.username}`))).toBeVisible();
    await expect(c.getByRole('button', { name: /Rekonsiliasi/ })).toHaveCount(0);
    await expect(c.getByRole('button', { name: 'Tolak' })).toHaveCount(0);
    await shot(c, info, 'invoices-invoice-approved');
    await shot(c, info, 'invoices-invoice-approved-full', TALL);
  });

  await test.step('exports: the reconciliation report (DESIGN 7 columns), the institution workbook and the payment advice', async () => {
    const csv = c.waitForEvent('download');
    await c.getByRole('button', { name: 'Ekspor' }).click();
    await c.getByRole('menuitem', { name: 'Laporan rekonsiliasi (CSV)' }).click();
    const csvFile = await (await csv).path();
    const text = fs.readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(text[0]).toBe('invoice_no,line_no,enrollment_id,status,amount,approved_amount');
    expect(text[1]).toBe('INV-2027-0001,1,ENR-2026-00001,MATCHED,750000,750000');
    expect(text[13]).toBe('INV-2027-0001,13,ENR-2026-00045,MATCHED,750000,750000');
    expect(text[15]).toBe('INV-2027-0001,15,ENR-2026-00058,AMOUNT_MISMATCH,650000,0');

    const workbook = c.waitForEvent('download');
    await c.getByRole('button', { name: 'Ekspor' }).click();
    await c.getByRole('menuitem', { name: 'Hasil untuk lembaga (XLSX)' }).click();
    expect((await workbook).suggestedFilename()).toBe('hasil-rekonsiliasi-INV-2027-0001.xlsx');

    const advice = c.waitForEvent('download');
    await c.getByRole('button', { name: 'Ekspor' }).click();
    await c.getByRole('menuitem', { name: 'Nota pembayaran (XLSX)' }).click();
    expect((await advice).suggestedFilename()).toBe('nota-pembayaran-INV-2027-0001.xlsx');
  });

  await test.step('the invoices list and its chart show the decision', async () => {
    await c.getByRole('link', { name: 'Semua tagihan' }).click();
    const row = c.getByRole('grid', { name: 'Tagihan' }).getByRole('row', { name: /INV-2027-0001/ });
    await expect(row).toContainText('Disetujui');
    await expect(row).toContainText('Rp3.750.000');
    await expect(c.getByRole('img', { name: /Ditagih, disetujui dan disengketakan per bulan: .*Rp3\.750\.000/ })).toBeVisible();
    await shot(c, info, 'invoices-list-approved');
    await shot(c, info, 'invoices-list-approved-full', TALL);
  });

  await maker.context.close();
  await checker.context.close();
});
