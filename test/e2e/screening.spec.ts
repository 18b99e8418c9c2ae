import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { createUsers, firstAdmin, importApplicants, importInDialog, nav, shot, signedIn, type Person } from './support/setup';
import { useShellServer } from './support/shell-server';

/*
 * Screening and four-eyes review in the browser shell, with real clicks, on its own server, port and
 * empty data folder (independent of the other spec files). A small register with known problems is
 * screened; the ineligible are filtered by reason; reviewer A proposes a correction that A cannot
 * approve, and reviewer B approves it in another browser context.
 */
const PORT = Number(process.env.PRAKERJA_E2E_SCREENING_PORT ?? 5337);
const BASE = `http://127.0.0.1:${PORT}`;
const TALL = { height: 1900 };
const ADMIN: Person = { displayName: 'Rahmat Hidayat', username: 'rahmat.admin', password: 'kata-sandi-admin-3' };
const REVIEWER_A: Person = { displayName: 'Sari Wulandari', username: 'sari.reviewer', password: 'kata-sandi-sari-3' };
const REVIEWER_B: Person = { displayName: 'Joko Susilo', username: 'joko.reviewer', password: 'kata-sandi-joko-3' };

const HEADER = 'registration_id,nik,kk,full_name,birth_date,gender,phone,email,province_code,regency_code,education,employment_status,registered_at,test_score';
const KK_A = '3273010101200001';
const APPLICANTS = [
  // KK_A: two eligible members first, then a third who finds the KK full.
  `R-1001,3273011205950001,${KK_A},Budi Santoso,1995-05-12,L,,,32,3273,S1,unemployed,2026-05-01T08:00:00+07:00,70`,
  `R-1002,3273014308980002,${KK_A},Siti Aminah,1998-08-03,P,,,32,3273,SMA,laid_off,2026-05-02T08:00:00+07:00,65`,
  `R-1003,3273011507000003,${KK_A},Andi Pratama,2000-07-15,L,,,32,3273,SMK,informal,2026-05-03T08:00:00+07:00,60`,
  // The same NIK as R-1001, registered later.
  'R-1004,3273011205950001,3273010101200004,Budi Santoso Dobel,1995-05-12,L,,,32,3273,S1,unemployed,2026-05-04T08:00:00+07:00,',
  // Born 2010: under 18.
  'R-1005,3273011003100005,3273010101200005,Rizki Muda,2010-03-10,L,,,32,3273,SMP,unemployed,2026-05-05T08:00:00+07:00,',
  // Province 99 does not exist: an invalid NIK.
  'R-1006,9973010101900006,3273010101200006,Nurul Salah,1990-01-01,P,,,32,3273,SMA,unemployed,2026-05-06T08:00:00+07:00,',
  // On the ASN exclusion list (open end).
  'R-1007,3273015506000007,3273010101200007,Dewi Lestari,2000-06-15,P,,,32,3273,D3,micro_business,2026-05-07T08:00:00+07:00,88',
  // A student entry that ended years ago: eligible.
  'R-1008,3204015009010008,3204010101200008,Rina Kartika,2001-09-10,P,,,32,3204,S1,unemployed,2026-05-08T08:00:00+07:00,55',
];
const EXCLUSIONS = [
  'nik,list,valid_from,valid_to,source',
  '3273015506000007,ASN,2020-01-01,,BKN',
  '3204015009010008,STUDENT,2015-01-01,2019-12-31,PDDikti',
  '3171010101800009,TNI,,,Mabes TNI',
];

const shell = useShellServer('screening', PORT);
let applicantsCsv = '';
let exclusionsCsv = '';

test.beforeAll(() => {
  applicantsCsv = path.join(shell.dataDir, 'pendaftar-saring.csv');
  exclusionsCsv = path.join(shell.dataDir, 'pengecualian-asn.csv');
  fs.writeFileSync(applicantsCsv, `${HEADER}\n${APPLICANTS.join('\n')}\n`);
  fs.writeFileSync(exclusionsCsv, `${EXCLUSIONS.join('\n')}\n`);
});

const grid = (page: Page) => page.getByRole('grid', { name: 'Pendaftar' });
const drawer = (page: Page) => page.getByRole('dialog', { name: /./ }).filter({ has: page.locator('#applicant-detail-title') });

test('screening: run, summary by reason, filter, explanation, four-eyes correction', async ({ page, browser }, info) => {
  await test.step('set up the first admin and two reviewers', async () => {
    await firstAdmin(page, ADMIN);
    await createUsers(page, 'reviewer', REVIEWER_A, REVIEWER_B);
  });

  await test.step('import the applicants and, from the exclusion lists page, the ASN list', async () => {
    await importApplicants(page, applicantsCsv);
    await expect(page.getByText('8 pendaftar')).toBeVisible();

    await nav(page).getByRole('link', { name: 'Penyaringan' }).click();
    await page.getByRole('tab', { name: 'Daftar pengecualian' }).click();
    await expect(page).toHaveURL(/#\/penyaringan\/pengecualian/);
    await page.getByRole('button', { name: 'Impor daftar pengecualian' }).click();
    await importInDialog(page, 'Impor daftar pengecualian', exclusionsCsv, { close: true });
    const lists = page.getByRole('table', { name: 'Daftar pengecualian' });
    const asn = lists.getByRole('row').filter({ hasText: 'Aparatur Sipil Negara' });
    await expect(asn.getByRole('cell').nth(2)).toHaveText('1');
    await expect(asn.getByRole('cell').nth(4)).toHaveText('1');
    // The student entry ended in 2019: listed, but not valid today.
    const student = lists.getByRole('row').filter({ hasText: 'Pelajar/mahasiswa' });
    await expect(student.getByRole('cell').nth(2)).toHaveText('1');
    await expect(student.getByRole('cell').nth(4)).toHaveText('0');
    await expect(page.getByRole('table', { name: 'Riwayat impor' }).getByText('pengecualian-asn.csv')).toBeVisible();
    await shot(page, info, 'exclusion-lists');
  });

  await test.step('run a screening: progress, then the counts by reason', async () => {
    await page.getByRole('tab', { name: 'Ringkasan' }).click();
    await expect(page.getByText('Belum ada penyaringan yang selesai')).toBeVisible();
    await page.getByRole('button', { name: 'Jalankan penyaringan' }).click();
    await expect(page.getByText('Penyaringan selesai.', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByLabel('Pendaftaran disaring: 8', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Layak: 3', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Tidak layak: 5', { exact: true })).toBeVisible();
    const reasons = page.getByRole('table', { name: 'Menurut alasan' });
    const count = (code: string) => reasons.getByRole('row').filter({ hasText: code }).getByRole('cell').nth(2);
    await expect(count('NIK_INVALID')).toHaveText('1');
    await expect(count('UNDER_AGE')).toHaveText('1');
    await expect(count('DUPLICATE_NIK')).toHaveText('1');
    await expect(count('KK_LIMIT')).toHaveText('1');
    await expect(count('EXCLUDED')).toHaveText('1');
    await expect(count('OVER_AGE')).toHaveText('0');
    await expect(page.getByRole('table', { name: 'Menurut provinsi' }).getByRole('row').filter({ hasText: 'Jawa Barat' })).toContainText('8');
    await expect(page.getByRole('table', { name: 'Riwayat penyaringan' }).getByRole('row').filter({ hasText: ADMIN.username })).toContainText('Selesai');
    await shot(page, info, 'screening-summary', TALL);
  });

  await test.step('exports: the eligibility CSV and the summary workbook download', async () => {
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor kelayakan' }).click();
    await page.getByRole('menuitem', { name: 'Kelayakan ke CSV' }).click();
    const csvDownload = await csv;
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const text = fs.readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(text.split(/\r?\n/)[0]).toMatch(/^registration_id,nik,status,reasons/);
    expect(text).toMatch(/R-1003,3273011507000003,ineligible,KK_LIMIT/);
    expect(text).toMatch(/R-1008,3204015009010008,eligible,/);
    await expect(page.getByText(/File .*\.csv disimpan \(8 baris\)/)).toBeVisible();

    const xlsx = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh ringkasan (XLSX)' }).click();
    expect((await xlsx).suggestedFilename()).toMatch(/\.xlsx$/);
  });

  await test.step('a reason opens the applicants filtered by it; the detail explains it', async () => {
    await page.getByRole('link', { name: 'Lihat pendaftar dengan alasan Kuota 2 peserta per KK sudah penuh' }).click();
    await expect(page).toHaveURL(/screeningReason=KK_LIMIT/);
    await expect(page.getByText('1 pendaftar')).toBeVisible();
    await expect(grid(page).getByRole('row', { name: /Andi Pratama/ })).toContainText('Tidak layak');

    // Filter by another reason with the filter bar.
    await page.getByLabel('Alasan tidak layak').click();
    await page.getByRole('option', { name: /NIK sudah dipakai pendaftaran sebelumnya/ }).click();
    await expect(page).toHaveURL(/screeningReason=DUPLICATE_NIK/);
    await expect(grid(page).getByRole('row', { name: /Budi Santoso Dobel/ })).toBeVisible();
    await expect(page.getByText('1 pendaftar')).toBeVisible();
    await grid(page).getByRole('gridcell', { name: 'Budi Santoso Dobel' }).click();
    const d = drawer(page);
    await expect(d.getByText('NIK yang sama sudah dipakai pendaftaran R-1001')).toBeVisible();
    // The earlier registration is a link to its own detail.
    await d.getByRole('button', { name: 'Buka pendaftaran R-1001' }).click();
    await expect(d.locator('#applicant-detail-title')).toHaveText('Budi Santoso');
    await expect(d.getByText('Lolos semua aturan.')).toBeVisible();
    await page.keyboard.press('Escape');

    await page.getByLabel('Alasan tidak layak').click();
    await page.getByRole('option', { name: /Tercantum dalam daftar pengecualian/ }).click();
    await page.getByLabel('Status penyaringan').click();
    await page.getByRole('option', { name: 'Tidak layak' }).click();
    await expect(page).toHaveURL(/screeningStatus=ineligible/);
    await grid(page).getByRole('gridcell', { name: 'Dewi Lestari' }).click();
    await expect(d.getByText(/tercantum dalam daftar pengecualian yang berlaku/)).toBeVisible();
    await expect(d.getByText('Aparatur Sipil Negara', { exact: true })).toBeVisible();
    await shot(page, info, 'applicant-screening-reasons');
    await page.keyboard.press('Escape');

    // The KK explanation names the members who fill it.
    await page.goto('/#/pendaftar?detail=R-1003');
    await expect(drawer(page).getByRole('button', { name: 'Buka pendaftaran R-1001' })).toBeVisible();
    await expect(drawer(page).getByRole('button', { name: 'Buka pendaftaran R-1002' })).toBeVisible();
  });

  const a = await signedIn(browser, BASE, REVIEWER_A);
  const reason = 'SK pemberhentian sebagai ASN per 1 Oktober 2026 sudah diterima dan diperiksa.';
  await test.step('reviewer A proposes a correction for Dewi Lestari', async () => {
    await a.page.goto('/#/pendaftar?detail=R-1007');
    const d = drawer(a.page);
    await d.getByRole('button', { name: 'Usulkan koreksi' }).click();
    const dialog = a.page.getByRole('dialog', { name: 'Usulkan koreksi hasil penyaringan' });
    await expect(dialog.getByRole('radio', { name: 'Layak', exact: true })).toBeChecked();
    await dialog.getByLabel(/Alasan koreksi/).fill('terlalu');
    await dialog.getByRole('button', { name: 'Kirim usulan' }).click();
    await expect(dialog.getByText(/Alasan minimal 10 karakter/)).toBeVisible();
    await dialog.getByLabel(/Alasan koreksi/).fill(reason);
    await dialog.getByRole('button', { name: 'Kirim usulan' }).click();
    await expect(dialog).toBeHidden();
    await expect(d.getByText(reason)).toBeVisible();
    await expect(d.getByText('Menunggu')).toBeVisible();
    await expect(d.getByRole('button', { name: 'Usulkan koreksi' })).toBeDisabled();
  });

  await test.step('reviewer A cannot approve their own proposal', async () => {
    await a.page.keyboard.press('Escape');
    await nav(a.page).getByRole('link', { name: 'Penyaringan' }).click();
    await a.page.getByRole('tab', { name: 'Tinjauan koreksi' }).click();
    const row = a.page.getByRole('grid', { name: 'Tinjauan koreksi' }).getByRole('row', { name: /Dewi Lestari/ });
    await expect(row).toContainText(REVIEWER_A.username);
    await expect(row.getByRole('button', { name: 'Setujui' })).toBeDisabled();
    await expect(row.getByRole('button', { name: 'Tolak' })).toBeDisabled();
    await expect(a.page.getByText('1 usulan Anda sendiri tidak dapat dipilih.')).toBeVisible();
    await row.getByLabel(/Anda yang mengusulkan ini/).hover();
    await expect(a.page.getByRole('tooltip')).toContainText('empat mata');
    await shot(a.page, info, 'review-queue-own');
  });

  await test.step('reviewer B approves it in another browser context', async () => {
    const b = await signedIn(browser, BASE, REVIEWER_B);
    await b.page.goto('/#/penyaringan/tinjauan');
    const queue = b.page.getByRole('grid', { name: 'Tinjauan koreksi' });
    const row = queue.getByRole('row', { name: /Dewi Lestari/ });
    await expect(row).toContainText('SK pemberhentian');
    await row.getByRole('checkbox').check();
    await expect(b.page.getByRole('button', { name: 'Setujui 1 usulan terpilih' })).toBeEnabled();
    await shot(b.page, info, 'review-queue');
    // Rejecting needs a note: the field has the focus, the button waits for three characters, Escape backs out.
    await row.getByRole('button', { name: 'Tolak' }).click();
    const reject = b.page.getByRole('dialog', { name: /Tolak usulan #\d+/ });
    await expect(reject).toContainText('Dewi Lestari');
    await expect(reject.getByLabel('Catatan penolakan')).toBeFocused();
    await b.page.keyboard.type('ok');
    await expect(reject.getByRole('button', { name: 'Tolak' })).toBeDisabled();
    await b.page.keyboard.type('e, tapi lampirkan SK');
    await expect(reject.getByRole('button', { name: 'Tolak' })).toBeEnabled();
    await shot(b.page, info, 'review-reject-dialog');
    await b.page.keyboard.press('Escape');
    await expect(reject).toBeHidden();
    await row.getByRole('button', { name: 'Setujui' }).click();
    const confirm = b.page.getByRole('dialog', { name: /Setujui usulan #\d+\?/ });
    await expect(confirm).toContainText('Dewi Lestari');
    await shot(b.page, info, 'review-approve-dialog');
    await confirm.getByRole('button', { name: 'Setujui' }).click();
    await expect(b.page.getByText(/Usulan #\d+ disetujui\./)).toBeVisible();
    await expect(queue.getByRole('row', { name: /Dewi Lestari/ })).toHaveCount(0);
    await b.page.getByLabel('Status usulan').click();
    await b.page.getByRole('option', { name: 'Disetujui' }).click();
    await expect(queue.getByRole('row', { name: /Dewi Lestari/ })).toContainText(REVIEWER_B.username);
    await b.context.close();
  });

  await test.step('the status changed: eligible by correction', async () => {
    await a.page.goto('/#/pendaftar?screeningStatus=eligible');
    await expect(grid(a.page).getByRole('row', { name: /Dewi Lestari/ })).toContainText('Layak *');
    await grid(a.page).getByRole('gridcell', { name: 'Dewi Lestari' }).click();
    const d = drawer(a.page);
    await expect(d.getByText(/Dikoreksi menjadi Layak: diusulkan sari.reviewer, disetujui joko.reviewer/)).toBeVisible();
    await expect(d.getByText('Disetujui', { exact: true })).toBeVisible();
    await shot(a.page, info, 'applicant-screening-override');
    await a.page.keyboard.press('Escape');
    // The summary is the run's snapshot; the next screening keeps the approved correction on top of the rules.
    await nav(a.page).getByRole('link', { name: 'Penyaringan' }).click();
    await expect(a.page.getByLabel('Layak: 3', { exact: true })).toBeVisible();
    await a.page.getByRole('button', { name: 'Jalankan penyaringan' }).click();
    await expect(a.page.getByText('Penyaringan selesai.', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(a.page.getByLabel('Layak: 4', { exact: true })).toBeVisible();
    await expect(a.page.getByLabel('Dikoreksi: 1', { exact: true })).toBeVisible();
  });

  await test.step('dark mode', async () => {
    await a.page.getByRole('button', { name: /Menu pengguna/ }).click();
    await a.page.getByRole('menuitem', { name: 'Mode gelap' }).click();
    await shot(a.page, info, 'screening-summary-dark', TALL);
    await a.page.goto('/#/pendaftar?detail=R-1003');
    await expect(drawer(a.page).getByText(/Satu KK paling banyak 2 peserta/)).toBeVisible();
    await shot(a.page, info, 'applicant-screening-dark');
    await a.context.close();
  });
});
