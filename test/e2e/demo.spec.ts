import { expect, test, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';
import { useShellServer } from './support/shell-server';

/*
 * A newcomer's first run: create the admin, keep the demo data offered by default, land on a
 * populated register, then click through the programme the demo built — wave 1 announced with its
 * participants and wave 2 open, the catalog with its purchases, the invoices with one reconciled.
 * Its own server on its own empty data folder, like applicants.spec.ts.
 */
const PORT = Number(process.env.PRAKERJA_E2E_DEMO_PORT ?? 5347);
const ARTIFACTS = path.join('test', 'e2e', 'artifacts');
const ADMIN = { displayName: 'Wulan Sari', username: 'wulan.admin', password: 'kata-sandi-admin-3' };

useShellServer('demo', PORT);

const nav = (page: Page) => page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ });

async function shot(page: Page, info: TestInfo, name: string, tall = false) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  const size = page.viewportSize();
  if (tall && size) await page.setViewportSize({ width: size.width, height: 2000 });
  await page.screenshot({ path: file });
  if (tall && size) await page.setViewportSize(size);
  await info.attach(name, { path: file, contentType: 'image/png' });
}

test('first run offers demo data and lands in a programme in progress', async ({ page }, info) => {
  test.setTimeout(180_000);
  await test.step('first admin, demo data of 1.000 applicants', async () => {
    await page.goto('/');
    await page.getByLabel('Nama lengkap').fill(ADMIN.displayName);
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Buat akun admin' }).click();

    await expect(page.getByRole('heading', { name: 'Isi dengan data demo?' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Isi dengan data demo' })).toBeChecked();
    await page.getByRole('combobox', { name: 'Jumlah pendaftar' }).click();
    await page.getByRole('option', { name: '1.000 pendaftar' }).click();
    await page.getByRole('button', { name: 'Isi data demo' }).click();
    // The seed shows its steps while it runs; on a quiet machine 1.000 applicants can be done before a
    // look at them, so either the progress or the register it lands on.
    const step = page.getByText(/Langkah \d+ dari 12/);
    const register = page.getByRole('heading', { name: 'Pendaftar', level: 1 });
    await expect(step.or(register)).toBeVisible();
    if (await step.isVisible()) await shot(page, info, 'first-run-demo-progress');

    await expect(register).toBeVisible({ timeout: 90_000 });
    await expect(page).toHaveURL(/#\/pendaftar/);
    await expect(page.getByText('1.000 pendaftar')).toBeVisible();
    await shot(page, info, 'first-run-demo-register');
  });

  await test.step('waves: wave 1 announced with its participants, wave 2 open', async () => {
    await nav(page).getByRole('link', { name: 'Gelombang' }).click();
    const list = page.getByRole('table', { name: 'Daftar gelombang' });
    const wave = (n: number) => list.getByRole('row').filter({ has: page.getByRole('link', { name: String(n), exact: true }) });
    await expect(wave(1)).toContainText('Diumumkan');
    await expect(wave(1)).toContainText(/Gelombang [A-Z][a-z]+/);
    await expect(wave(2)).toContainText('Dibuka');
    await shot(page, info, 'first-run-demo-waves');

    await list.getByRole('link', { name: '1', exact: true }).click();
    await expect(page.getByRole('heading', { name: /^Gelombang 1 — Gelombang / })).toBeVisible();
    // The seed is shown once selected: with the proof, anyone can re-check the selection.
    await expect(page.getByText('prakerja-demo-gelombang-1')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Peserta', exact: true })).toBeVisible();
    const first = page.getByRole('grid', { name: 'Peserta gelombang' }).getByRole('row').nth(1);
    await expect(first).toContainText(/\d{4}-\d{4}-\d{4}-\d{4}/);
    await expect(first).toContainText('Rp3.500.000');
    await expect(first).toContainText('Aktif');
    await shot(page, info, 'first-run-demo-wave-1', true);
  });

  await test.step('catalog: six institutions, their trainings and the purchases', async () => {
    await nav(page).getByRole('link', { name: 'Pelatihan & Lembaga' }).click();
    await expect(page.getByRole('heading', { name: 'Pelatihan & Lembaga', level: 1 })).toBeVisible();
    const institutions = page.getByRole('grid', { name: 'Lembaga pelatihan' });
    await expect(institutions.getByRole('row')).toHaveCount(7);
    await expect(institutions.getByRole('row', { name: /LPK-001/ })).toBeVisible();
    await shot(page, info, 'first-run-demo-catalog');

    await page.getByRole('tab', { name: 'Pembelian (enrollment)' }).click();
    const purchases = page.getByRole('grid', { name: 'Pembelian (enrollment)' });
    await expect(purchases.getByRole('row', { name: /ENR-\d{4}-\d{6}/ }).first()).toBeVisible();
    await shot(page, info, 'first-run-demo-purchases');
  });

  await test.step('invoices: three listed, the first reconciled and waiting for a second user', async () => {
    await nav(page).getByRole('link', { name: 'Tagihan' }).click();
    const list = page.getByRole('grid', { name: 'Tagihan' });
    await expect(list.getByRole('row', { name: /INV-\d{4}-0001/ })).toContainText('Menunggu persetujuan');
    await expect(list.getByRole('row', { name: /INV-\d{4}-0002/ })).toContainText('Belum direkonsiliasi');
    await expect(list.getByRole('row', { name: /INV-\d{4}-0003/ })).toContainText('Belum direkonsiliasi');
    await shot(page, info, 'first-run-demo-invoices');

    await list.getByRole('gridcell', { name: /INV-\d{4}-0001/ }).click();
    await expect(page.getByRole('heading', { name: /Tagihan INV-\d{4}-0001/, level: 1 })).toBeVisible();
    const chips = page.getByRole('group', { name: 'Saring baris menurut status' });
    for (const label of [/^Cocok \(\d+\)$/, /^Baris ganda \(1\)$/, /^Enrollment tidak dikenal \(1\)$/, /^Dibatalkan \(\d\)$/, /^Belum selesai \(\d\)$/, /^Jumlah tidak sesuai \(\d\)$/]) {
      await expect(chips.getByRole('button', { name: label })).toBeVisible();
    }
    // The demo's admin reconciled it, so they may not approve it themselves.
    await expect(page.getByText(/Anda merekonsiliasi tagihan ini/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
    await shot(page, info, 'first-run-demo-invoice', true);
  });
});
