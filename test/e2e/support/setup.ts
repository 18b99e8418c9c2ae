import { expect, type Browser, type Page, type TestInfo } from '@playwright/test';
import path from 'node:path';

/**
 * What several specs do before (or around) the story they test: the first admin, logging in,
 * a second user, an import through the import dialog, screenshots. The steps click as a clerk would;
 * users are added through the API because the users page is foundation.spec's story.
 */
export interface Person {
  displayName: string;
  username: string;
  password: string;
}

export const ARTIFACTS = path.join('test', 'e2e', 'artifacts');

/**
 * Saves a screenshot under test/e2e/artifacts/ and attaches it to the report. `height` grows the
 * window for it (the app scrolls inside its shell, so fullPage would not show more); `fullPage` is for
 * pages that scroll as a whole (first run, login).
 */
export async function shot(page: Page, info: TestInfo, name: string, options: { height?: number; fullPage?: boolean } = {}) {
  const file = path.join(ARTIFACTS, `${name}.png`);
  const size = page.viewportSize();
  if (options.height && size) await page.setViewportSize({ width: size.width, height: options.height });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  if (options.height && size) await page.setViewportSize(size);
  await info.attach(name, { path: file, contentType: 'image/png' });
}

export const nav = (page: Page) => page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ });

export const welcome = (page: Page, user: Person) => page.getByRole('heading', { name: `Selamat datang, ${user.displayName}` });

/** Fills the login form (Indonesian or English) and sends it with Enter. */
export async function login(page: Page, username: string, password: string) {
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.getByLabel(/^(Kata sandi|Password)$/).press('Enter');
}

/** On a fresh server: the first-run form creates the admin, the demo-data offer is declined, the home page shows. */
export async function firstAdmin(page: Page, admin: Person) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Selamat datang di Prakerja Office' })).toBeVisible();
  await page.getByLabel('Nama lengkap').fill(admin.displayName);
  await page.getByLabel('Nama pengguna').fill(admin.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(admin.password);
  await page.getByLabel('Ulangi kata sandi').fill(admin.password);
  await page.getByRole('button', { name: 'Buat akun admin' }).click();
  // The first-run page may offer demo data; these specs want their own data.
  const skip = page.getByRole('button', { name: /Lewati, mulai dengan register kosong/ });
  await expect(skip.or(welcome(page, admin))).toBeVisible();
  if (await skip.isVisible()) await skip.click();
  await expect(welcome(page, admin)).toBeVisible();
}

/** Calls an API method over HTTP as the user logged in on page (its session token); fails the test on an error. */
export async function callApi(page: Page, method: string, input: unknown): Promise<unknown> {
  const token = await page.evaluate(() => sessionStorage.getItem('prakerja.sessionToken'));
  const res = await page.request.post('/api/call', { headers: { Authorization: `Bearer ${token}` }, data: { method, input } });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value;
}

/** Adds users as the admin logged in on page. */
export async function createUsers(page: Page, role: 'admin' | 'reviewer' | 'finance' | 'manager', ...users: Person[]) {
  for (const user of users) await callApi(page, 'users.create', { ...user, role });
}

/** A new browser context (its own session) with user logged in on the home page. */
export async function signedIn(browser: Browser, baseUrl: string, user: Person) {
  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/#/login');
  await login(page, user.username, user.password);
  await expect(welcome(page, user)).toBeVisible();
  return { context, page };
}

/**
 * The open import dialog named dialogName: pick the file, import, and expect its result with no reject.
 * Returns the dialog, still open unless `close`.
 */
export async function importInDialog(page: Page, dialogName: string, file: string, options: { close?: boolean; timeout?: number } = {}) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Pilih file…' }).click();
  await (await chooser).setFiles(file);
  await dialog.getByRole('button', { name: 'Mulai impor' }).click();
  await expect(dialog.getByRole('heading', { name: `Hasil impor ${path.basename(file)}` })).toBeVisible({ timeout: options.timeout ?? 60_000 });
  await expect(dialog.getByLabel('Ditolak: 0')).toBeVisible();
  if (options.close) await closeDialog(page, dialogName);
  return dialog;
}

export async function closeDialog(page: Page, dialogName: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByRole('button', { name: 'Tutup' }).first().click();
  await expect(dialog).toBeHidden();
}

/** The admin on page imports an applicants file from the Pendaftar page. */
export async function importApplicants(page: Page, file: string) {
  await nav(page).getByRole('link', { name: 'Pendaftar' }).click();
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await importInDialog(page, 'Impor pendaftar', file, { close: true });
}
