import { expect, test } from '@playwright/test';
import path from 'node:path';
import { useShellServer } from './support/shell-server';

/*
 * A newcomer's first run: create the admin, keep the demo data offered by default, land on a
 * populated register. Its own server on its own empty data folder, like applicants.spec.ts.
 */
const PORT = Number(process.env.PRAKERJA_E2E_DEMO_PORT ?? 5347);
const ADMIN = { displayName: 'Wulan Sari', username: 'wulan.admin', password: 'kata-sandi-admin-3' };

useShellServer('demo', PORT);

test('first run offers demo data and lands on a populated register', async ({ page }, info) => {
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
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await page.screenshot({ path: path.join('test', 'e2e', 'artifacts', 'first-run-demo-progress.png') });

  await expect(page.getByRole('heading', { name: 'Pendaftar', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page).toHaveURL(/#\/pendaftar/);
  await expect(page.getByText('1.000 pendaftar')).toBeVisible();
  const file = path.join('test', 'e2e', 'artifacts', 'first-run-demo-register.png');
  await page.screenshot({ path: file });
  await info.attach('first-run-demo-register', { path: file, contentType: 'image/png' });
});
