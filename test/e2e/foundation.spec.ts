import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { login, nav, shot as fullShot, type Person } from './support/setup';

const ADMIN: Person = { displayName: 'Sri Wahyuni', username: 'sri.admin', password: 'kata-sandi-admin-1' };
const MANAGER: Person = { displayName: 'Budi Santoso', username: 'budi.manajer', password: 'kata-sandi-manajer-1' };

/** Full-page screenshots: the first-run and login pages scroll as a whole. */
const shot = (page: Page, info: TestInfo, name: string) => fullShot(page, info, name, { fullPage: true });

async function openUserMenu(page: Page) {
  await page.getByRole('button', { name: /Menu pengguna|User menu/ }).click();
}

test('foundation: first run, login, language, users, roles, audit, system, session end', async ({ page, browser }, info) => {
  await test.step('first run asks for the first admin account', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Selamat datang di Prakerja Office' })).toBeVisible();
    await shot(page, info, 'first-run');
  });

  await test.step('the form validates before it sends', async () => {
    await page.getByLabel('Nama lengkap').fill(ADMIN.displayName);
    await page.getByLabel('Nama pengguna').fill('Sri Admin');
    await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').fill('sesuatu-yang-lain');
    await page.getByRole('button', { name: 'Buat akun admin' }).click();
    await expect(page.getByText('Kedua kata sandi tidak sama.')).toBeVisible();
    await expect(page.getByText(/Nama pengguna hanya huruf kecil/)).toBeVisible();
    await shot(page, info, 'first-run-validation');
  });

  await test.step('creating the admin logs them in and shows the shell', async () => {
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').press('Enter');
    // The optional demo-data step (on by default for a newcomer); this story starts empty.
    await expect(page.getByRole('heading', { name: 'Isi dengan data demo?' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Isi dengan data demo' })).toBeChecked();
    await shot(page, info, 'first-run-demo');
    await page.getByRole('button', { name: 'Lewati, mulai dengan register kosong' }).click();
    await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.displayName}` })).toBeVisible();
    for (const area of ['Beranda', 'Pendaftar', 'Penyaringan', 'Gelombang', 'Pelatihan & Lembaga', 'Tagihan', 'Insentif', 'Laporan', 'Log Audit', 'Pengguna', 'Sistem']) {
      await expect(nav(page).getByRole('link', { name: area, exact: true })).toBeVisible();
    }
    await shot(page, info, 'shell');
  });

  await test.step('an area still to come shows a clean placeholder', async () => {
    await nav(page).getByRole('link', { name: 'Insentif' }).click();
    await expect(page.getByRole('heading', { name: 'Insentif', level: 1 })).toBeVisible();
    await expect(page.getByText(/Halaman Insentif sedang disiapkan/)).toBeVisible();
    await shot(page, info, 'coming-soon');
  });

  await test.step('a reload keeps the session', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Insentif' })).toBeVisible();
  });

  await test.step('log out, then a wrong password is refused with the API message', async () => {
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await expect(page.getByText('Anda telah keluar.')).toBeVisible();
    await login(page, ADMIN.username, 'salah-sekali-123');
    await expect(page.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah.');
    await shot(page, info, 'login');
  });

  await test.step('log in again', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.displayName}` })).toBeVisible();
  });

  await test.step('switch to English and back; the choice follows the user', async () => {
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Users' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.displayName}` })).toBeVisible();
    await shot(page, info, 'shell-en');
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
    await expect(page.getByRole('heading', { name: `Selamat datang, ${ADMIN.displayName}` })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Pengguna' })).toBeVisible();
  });

  await test.step('the admin creates a manager', async () => {
    await nav(page).getByRole('link', { name: 'Pengguna' }).click();
    await expect(page.getByRole('heading', { name: 'Pengguna', level: 1 })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: ADMIN.username })).toBeVisible();
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.getByLabel('Nama lengkap').fill(MANAGER.displayName);
    await dialog.getByLabel('Nama pengguna').fill(MANAGER.username);
    await dialog.getByRole('combobox', { name: 'Peran' }).click();
    await page.getByRole('option', { name: 'Manajer' }).click();
    await dialog.getByLabel('Kata sandi awal').fill(MANAGER.password);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText(`Pengguna ${MANAGER.displayName} telah dibuat.`)).toBeVisible();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(MANAGER.username) });
    await expect(row).toContainText('Manajer');
    await expect(row).toContainText('Aktif');
    await shot(page, info, 'users');
  });

  await test.step('the audit page lists the logins and shows a record', async () => {
    await nav(page).getByRole('link', { name: 'Log Audit' }).click();
    await expect(page.getByRole('heading', { name: 'Log Audit', level: 1 })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: 'Pengguna dibuat user.create' }).first()).toBeVisible();
    await page.getByLabel('Tindakan', { exact: true }).fill('auth.login');
    await page.getByLabel('Tindakan', { exact: true }).press('Enter');
    await expect(page).toHaveURL(/action=auth.login/);
    await expect(page.getByRole('gridcell', { name: 'Masuk auth.login', exact: true }).first()).toBeVisible();
    await expect(page.getByRole('gridcell', { name: /user\.create/ })).toHaveCount(0);
    await page.getByRole('gridcell', { name: 'Masuk auth.login', exact: true }).first().click();
    await expect(page.getByRole('dialog').getByText(/Rekaman audit #\d+/)).toBeVisible();
    await shot(page, info, 'audit-detail');
    await page.getByRole('button', { name: 'Tutup' }).click();
    await shot(page, info, 'audit');
  });

  await test.step('the system page verifies the database with live progress', async () => {
    await nav(page).getByRole('link', { name: 'Sistem' }).click();
    await page.getByRole('button', { name: 'Verifikasi basis data' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Basis data utuh dan log audit tidak berubah.' })).toBeVisible();
    await expect(page.getByText('Selesai', { exact: true })).toBeVisible();
    await shot(page, info, 'sistem');
  });

  await test.step('dark mode', async () => {
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Mode gelap' }).click();
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(16, 23, 25)');
    await shot(page, info, 'sistem-dark');
    await nav(page).getByRole('link', { name: 'Pengguna' }).click();
    await expect(page.getByRole('gridcell', { name: MANAGER.username })).toBeVisible();
    await shot(page, info, 'users-dark');
    await nav(page).getByRole('link', { name: 'Beranda' }).click();
    await shot(page, info, 'shell-dark');
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Mode terang' }).click();
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(243, 245, 246)');
  });

  await test.step('the manager logs in, cannot see Pengguna, and sees their login in the audit log', async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto('/');
    await expect(other.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await login(other, MANAGER.username, MANAGER.password);
    await expect(other.getByRole('heading', { name: `Selamat datang, ${MANAGER.displayName}` })).toBeVisible();
    await expect(nav(other).getByRole('link', { name: 'Log Audit' })).toBeVisible();
    await expect(nav(other).getByRole('link', { name: 'Pengguna' })).toHaveCount(0);
    await shot(other, info, 'shell-manager');
    await other.goto('/#/pengguna');
    await expect(other.getByText('Anda tidak memiliki akses ke halaman ini.')).toBeVisible();
    await other.goto(`/#/audit?username=${MANAGER.username}`);
    await expect(other.getByRole('row', { name: /auth\.login/ })).toHaveCount(1);
    await expect(other.getByRole('gridcell', { name: MANAGER.username }).first()).toBeVisible();
    await shot(other, info, 'audit-manager');

    // The admin changes the manager's role: core ends their sessions, and the next call sends them to the login page.
    await nav(page).getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('row', { name: new RegExp(MANAGER.username) }).getByRole('button', { name: 'Tindakan' }).click();
    await page.getByRole('menuitem', { name: 'Ubah peran' }).click();
    const dialog = page.getByRole('dialog', { name: `Ubah peran ${MANAGER.displayName}` });
    await dialog.getByRole('combobox', { name: 'Peran' }).click();
    await page.getByRole('option', { name: 'Reviewer' }).click();
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText(`Peran ${MANAGER.displayName} diubah menjadi Reviewer.`)).toBeVisible();
    await other.getByRole('button', { name: 'Terapkan' }).click();
    await expect(other.getByRole('heading', { name: 'Masuk' })).toBeVisible();
    await expect(other.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.')).toBeVisible();
    await context.close();
  });
});
