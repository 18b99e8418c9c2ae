import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { createUsers, firstAdmin, importApplicants, nav, shot, signedIn, type Person } from './support/setup';
import { useShellServer } from './support/shell-server';

/*
 * A wave through its whole life in the browser shell, with real clicks, on its own server, port and
 * empty data folder: the sample applicants imported and screened; a reviewer creates the wave (quota,
 * weights, a seed made in the browser), opens, closes and selects it with that seed; an admin publishes
 * it; the participants show with their card numbers; the proof downloads and verifies against the seed.
 */
const PORT = Number(process.env.PRAKERJA_E2E_WAVES_PORT ?? 5357);
const BASE = `http://127.0.0.1:${PORT}`;
const TALL = { height: 2600 };
const ADMIN: Person = { displayName: 'Rahmat Hidayat', username: 'rahmat.admin', password: 'kata-sandi-admin-5' };
const REVIEWER: Person = { displayName: 'Sari Wulandari', username: 'sari.reviewer', password: 'kata-sandi-sari-5' };
const SAMPLE = path.resolve('resources/samples/applicants-sample.csv');

const shell = useShellServer('waves', PORT);

test('waves: create, open, close, select with the seed, publish, see the participants, verify the proof', async ({ page, browser }, info) => {
  test.setTimeout(300_000);
  await test.step('first admin, a reviewer, the sample applicants imported and screened', async () => {
    await firstAdmin(page, ADMIN);
    await createUsers(page, 'reviewer', REVIEWER);
    await importApplicants(page, SAMPLE);
    await nav(page).getByRole('link', { name: 'Penyaringan' }).click();
    await page.getByRole('button', { name: 'Jalankan penyaringan' }).click();
    await expect(page.getByText('Penyaringan selesai.', { exact: true })).toBeVisible({ timeout: 60_000 });
  });

  const r = await signedIn(browser, BASE, REVIEWER);
  const rp = r.page;
  let seed = '';
  await test.step('the reviewer creates a wave: national quota, a weight, a seed made in the browser', async () => {
    await nav(rp).getByRole('link', { name: 'Gelombang' }).click();
    await expect(rp.getByText('Belum ada gelombang.')).toBeVisible();
    await rp.getByRole('button', { name: 'Buat gelombang' }).click();
    await expect(rp.getByRole('heading', { name: 'Buat gelombang', level: 1 })).toBeVisible();
    // Saving an empty form names what is missing.
    await rp.getByRole('button', { name: 'Simpan' }).click();
    await expect(rp.getByText('Bilangan bulat 1–9999.')).toBeVisible();
    await rp.getByLabel('Nomor gelombang').fill('1');
    await rp.getByLabel('Nama gelombang').fill('Gelombang 1 Oktober–November 2026');
    await rp.getByLabel('Tanggal buka').fill('2026-10-01');
    await rp.getByLabel('Tanggal tutup').fill('2026-11-20');
    // The province grid, for the screenshot; then back to a national quota.
    await rp.getByRole('radio', { name: 'Kuota per provinsi' }).check();
    await rp.getByLabel('Kuota Jawa Barat').fill('12');
    await expect(rp.getByText('Kuota nasional adalah jumlahnya: 12.')).toBeVisible();
    await shot(rp, info, 'wave-form-provinces', TALL);
    await rp.getByRole('radio', { name: /Kuota nasional/ }).check();
    await rp.getByLabel('Kuota nasional', { exact: true }).fill('30');
    await rp.getByLabel('Belum bekerja').fill('2');
    await rp.getByRole('button', { name: 'Buat seed baru…' }).click();
    const seedDialog = rp.getByRole('dialog', { name: 'Buat seed baru' });
    seed = (await seedDialog.getByTestId('generated-seed').textContent())!.trim();
    expect(seed).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
    await expect(seedDialog.getByRole('button', { name: 'Pakai commitment ini' })).toBeDisabled();
    await seedDialog.getByLabel('Saya sudah menyimpan seed ini di tempat aman').check();
    await seedDialog.getByRole('button', { name: 'Pakai commitment ini' }).click();
    await expect(rp.getByRole('textbox', { name: 'Seed commitment' })).toHaveValue(/^[0-9a-f]{64}$/);
    await shot(rp, info, 'wave-form', TALL);
    await rp.getByRole('button', { name: 'Simpan' }).click();
    await expect(rp.getByText('Gelombang 1 dibuat sebagai draf.')).toBeVisible();
    await expect(rp.getByRole('heading', { name: /Gelombang 1 — Gelombang 1 Oktober/ })).toBeVisible();
    // The seed itself was never sent: only its commitment is on the page.
    await expect(rp.getByText(seed)).toHaveCount(0);
  });

  await test.step('open, then close registration', async () => {
    await rp.getByRole('button', { name: 'Buka pendaftaran' }).click();
    await rp.getByRole('dialog', { name: 'Buka pendaftaran gelombang 1?' }).getByRole('button', { name: 'Buka pendaftaran' }).click();
    await expect(rp.getByText('Pendaftaran gelombang 1 dibuka.')).toBeVisible();
    // Once open, only the name can still be corrected.
    await rp.getByRole('button', { name: 'Ubah' }).click();
    await expect(rp.getByText(/Hanya nama yang dapat diperbaiki/)).toBeVisible();
    await expect(rp.getByLabel('Kuota nasional', { exact: true })).toBeDisabled();
    await rp.getByLabel('Nama gelombang').fill('Gelombang 1 Oktober–November 2026 (Reguler)');
    await rp.getByRole('button', { name: 'Simpan' }).click();
    await expect(rp.getByText('Gelombang 1 disimpan.')).toBeVisible();
    await expect(rp.getByRole('heading', { name: /Gelombang 1 — Gelombang 1 Oktober–November 2026 \(Reguler\)/ })).toBeVisible();
    await rp.getByRole('button', { name: 'Tutup pendaftaran' }).click();
    await rp.getByRole('dialog', { name: 'Tutup pendaftaran gelombang 1?' }).getByRole('button', { name: 'Tutup pendaftaran' }).click();
    await expect(rp.getByText('Pendaftaran gelombang 1 ditutup.')).toBeVisible();
  });

  await test.step('select with the seed: a wrong one is refused as it is typed; the result by province and status', async () => {
    await rp.getByRole('button', { name: 'Jalankan seleksi' }).click();
    const dialog = rp.getByRole('dialog', { name: 'Seleksi gelombang 1' });
    await dialog.getByLabel('Seed').fill('bukan-seed-yang-benar');
    await expect(dialog.getByText('Seed ini tidak cocok dengan seed commitment gelombang.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Mulai seleksi' })).toBeDisabled();
    await dialog.getByLabel('Seed').fill(seed);
    await expect(dialog.getByText('Seed cocok dengan seed commitment.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Mulai seleksi' }).click();
    await expect(rp.getByText(/Seleksi gelombang 1 selesai: 30 terpilih dari pool \d+\./)).toBeVisible({ timeout: 60_000 });
    await expect(rp.getByLabel('Terpilih: 30', { exact: true })).toBeVisible();
    await expect(rp.getByTestId('wave-seed')).toHaveText(seed);
    const quotaTable = rp.getByRole('table', { name: 'Per provinsi' });
    await expect(quotaTable.getByRole('row').filter({ hasText: 'Jawa Timur' })).toBeVisible();
    await expect(rp.getByRole('img', { name: 'Pool dan terpilih per provinsi' })).toBeVisible();
    await expect(rp.getByRole('img', { name: 'Pool dan terpilih per status pekerjaan' })).toBeVisible();
    await expect(rp.getByRole('heading', { name: 'Pendaftar terpilih' })).toBeVisible();
    await expect(rp.getByText(/1–25 (dari|of) 30/)).toBeVisible();
    // Publishing is for an admin.
    await expect(rp.getByRole('button', { name: 'Umumkan' })).toHaveCount(0);
    await expect(rp.getByText('Hanya admin yang dapat mengumumkan gelombang.')).toBeVisible();
  });

  await test.step('the admin publishes; the participants have card numbers and the balance', async () => {
    await nav(page).getByRole('link', { name: 'Gelombang' }).click();
    const list = page.getByRole('table', { name: 'Daftar gelombang' });
    await expect(list.getByRole('row').filter({ hasText: 'Gelombang 1 Oktober' })).toContainText('Diseleksi');
    await list.getByRole('link', { name: '1', exact: true }).click();
    await page.getByRole('button', { name: 'Umumkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Umumkan gelombang 1' });
    await expect(dialog).toContainText('30 pendaftar terpilih menjadi peserta');
    await expect(dialog).toContainText('Rp3.500.000');
    await dialog.getByRole('button', { name: 'Umumkan' }).click();
    await expect(page.getByText('Gelombang 1 diumumkan: 30 peserta.')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: 'Peserta', exact: true })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Peserta gelombang' });
    const first = grid.getByRole('row').nth(1);
    await expect(first).toContainText(/\d{4}-\d{4}-\d{4}-\d{4}/);
    await expect(first).toContainText('Rp3.500.000');
    await expect(first).toContainText('Aktif');
    await shot(page, info, 'wave-page', TALL);
  });

  await test.step('the proof downloads and verifies against the seed', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Bukti seleksi (CSV)' }).click();
    const proof = await download;
    expect(proof.suggestedFilename()).toBe('bukti-seleksi-gelombang-1.csv');
    const file = path.join(shell.dataDir, 'bukti.csv');
    await proof.saveAs(file);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('registration_id,province_code,weight,key,selected');
    expect(lines.filter((l) => l.endsWith(',1'))).toHaveLength(30);

    await page.getByRole('button', { name: 'Verifikasi bukti' }).click();
    const dialog = page.getByRole('dialog', { name: 'Verifikasi bukti seleksi' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Pilih file…' }).click();
    await (await chooser).setFiles(file);
    await dialog.getByLabel('Seed').fill(seed);
    await dialog.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(dialog.getByRole('status')).toContainText('COCOK', { timeout: 30_000 });
    // A proof with one selected flag flipped is caught, naming its row.
    const flip = lines.findIndex((l) => l.endsWith(',1'));
    const tampered = [...lines];
    tampered[flip] = tampered[flip]!.replace(/,1$/, ',0');
    const bad = path.join(shell.dataDir, 'bukti-diubah.csv');
    fs.writeFileSync(bad, tampered.join('\r\n'));
    const chooser2 = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Pilih file…' }).click();
    await (await chooser2).setFiles(bad);
    await dialog.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(dialog.getByRole('status')).toContainText('TIDAK COCOK', { timeout: 30_000 });
    await expect(dialog.getByRole('row').filter({ hasText: 'selected' }).first()).toContainText(String(flip + 1));
    await shot(page, info, 'wave-verify');
    await dialog.getByRole('button', { name: 'Tutup' }).click();
  });

  await test.step('the waves list shows the published wave and the expiry panel', async () => {
    await page.getByRole('button', { name: 'Semua gelombang' }).click();
    const row = page.getByRole('table', { name: 'Daftar gelombang' }).getByRole('row').filter({ hasText: 'Gelombang 1 Oktober' });
    await expect(row).toContainText('Diumumkan');
    await expect(row).toContainText('30');
    await expect(page.getByText(/Tidak ada peserta yang perlu dicabut per/)).toBeVisible();
    await shot(page, info, 'waves-list');
  });
  await r.context.close();
});
