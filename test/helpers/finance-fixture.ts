/**
 * A small finance world for integration tests: six applicants (A-1…A-6, imported through the real
 * import), five of them participants of wave 1 published 2026-12-01 (A-5 revoked from 2027-01-01,
 * A-6 registered after the close date and so never selected), two institutions, three trainings and a
 * set of enrollments, each through the real imports, wave lifecycle and expiry. Invoices are written
 * per test with invoiceCsv().
 */
import { applicantLine, HEADER, importFile, tempFile } from './applicants';
import { createTestApp, type TestApp } from './core';
import { imported } from './finance';
import { clockFrom, publishWave, type WavePlan } from './participants';

const WAVE: WavePlan = { number: 1, opensOn: '2026-05-01', closesOn: '2026-11-15', publishedOn: '2026-12-01' };
/** After the close date, before the publication (publication may not precede the selection). */
const CLOCK = '2026-11-25T03:00:00Z';
export const EXPIRY = '2027-01-01';
/** A-5's purchase on the deadline day, reported by the platform after the expiry had revoked A-5. */
const REPORTED_LATE = 'E-5b';

/** A test app on the finance world's clock; financeWorld needs it. */
export const createFinanceApp = () => createTestApp({ now: clockFrom(CLOCK) });

export const NIK = {
  'A-1': '3273014101900001',
  'A-2': '3273014101900002',
  'A-3': '3273014101900003',
  'A-4': '3273014101900004',
  'A-5': '3273014101900005',
  'A-6': '3273014101900006',
} as const;

export const INSTITUTIONS = ['institution_id,name,npwp,platform,bank_account', 'LPK-A,Lembaga Alpha,01.111.111.1-111.000,Tokopedia,BNI 111 a.n. Alpha', 'LPK-B,Lembaga Beta,02.222.222.2-222.000,Pintaria,BCA 222 a.n. Beta'];
export const TRAININGS = [
  'training_id,institution_id,title,category,price,mode,hours',
  'T-A1,LPK-A,Web Dasar,Teknologi Informasi,500000,online,20',
  'T-A2,LPK-A,Desain Grafis,Teknologi Informasi,600000,online,12',
  'T-B1,LPK-B,Barista,Kuliner,700000,offline,30',
];

export const ENROLLMENT_HEADER = 'enrollment_id,nik,training_id,platform,price_paid,purchased_at,completed_at,certificate_no,cancelled_at';
/** id, applicant, training, price, purchased, completed, certificate, cancelled. */
export const ENROLLMENTS: [string, keyof typeof NIK, string, number, string, string, string, string][] = [
  ['E-1', 'A-1', 'T-A1', 500000, '2026-12-05T09:00:00+07:00', '2027-01-10T10:00:00+07:00', 'C-1', ''],
  ['E-2', 'A-2', 'T-A1', 500000, '2026-12-06T09:00:00+07:00', '2027-01-11T10:00:00+07:00', 'C-2', ''],
  ['E-3', 'A-3', 'T-A2', 600000, '2026-12-07T09:00:00+07:00', '2027-01-12T10:00:00+07:00', '', ''],
  ['E-4', 'A-4', 'T-A1', 500000, '2026-12-08T09:00:00+07:00', '', '', '2026-12-09T08:00:00+07:00'],
  // A-5 is revoked from 2027-01-01: a purchase that day is too late, one the day before is not.
  ['E-5', 'A-5', 'T-A1', 500000, '2027-01-01T08:00:00+07:00', '2027-01-20T10:00:00+07:00', 'C-5', ''],
  ['E-5b', 'A-5', 'T-A2', 600000, '2026-12-31T20:00:00+07:00', '2027-01-20T10:00:00+07:00', 'C-5b', ''],
  ['E-6', 'A-1', 'T-B1', 700000, '2026-12-10T09:00:00+07:00', '2027-01-15T10:00:00+07:00', 'C-6', ''],
  // Its training is not in the catalog.
  ['E-7', 'A-2', 'T-X9', 450000, '2026-12-11T09:00:00+07:00', '2027-01-16T10:00:00+07:00', 'C-7', ''],
  ['E-8', 'A-3', 'T-A1', 500000, '2026-12-12T09:00:00+07:00', '', '', ''],
  ['E-9', 'A-4', 'T-A2', 600000, '2026-12-13T09:00:00+07:00', '2027-01-18T10:00:00+07:00', 'C-9', ''],
  ['E-10', 'A-2', 'T-A2', 600000, '2026-12-14T09:00:00+07:00', '2027-01-19T10:00:00+07:00', 'C-10', ''],
];

export const enrollmentLine = (e: (typeof ENROLLMENTS)[number]) => [e[0], NIK[e[1]], e[2], 'Tokopedia', e[3], e[4], e[5], e[6], e[7]].join(',');

export function csv(name: string, lines: string[]): string {
  return tempFile(name, `${lines.join('\n')}\n`);
}

export const INVOICE_HEADER = 'invoice_no,institution_id,invoice_date,line_no,enrollment_id,nik,training_id,amount';
/** One invoice line; nik and training default to the enrollment's, amount to its price. */
export function invoiceLine(invoiceNo: string, lineNo: number, enrollmentId: string, over: { institution?: string; nik?: string; training?: string; amount?: number; date?: string } = {}): string {
  const e = ENROLLMENTS.find((x) => x[0] === enrollmentId);
  const nik = over.nik ?? (e ? NIK[e[1]] : NIK['A-1']);
  return [invoiceNo, over.institution ?? 'LPK-A', over.date ?? '2027-01-31', lineNo, enrollmentId, nik, over.training ?? e?.[2] ?? 'T-A1', over.amount ?? e?.[3] ?? 500000].join(',');
}

export function invoiceCsv(lines: string[], name = 'tagihan.csv'): string {
  return csv(name, [INVOICE_HEADER, ...lines]);
}

/**
 * Loads the world as admin (applicants, wave, expiry) and the given finance token (catalog, enrollments),
 * on an app from createFinanceApp. The expiry runs between two enrollment files: A-5's only purchase by
 * then is after the deadline, so A-5 is revoked from 2027-01-01; E-5b, bought on the deadline day, comes later.
 */
export async function financeWorld(app: TestApp, finance: string): Promise<void> {
  const applicants = Object.entries(NIK).map(([id, nik], i) =>
    applicantLine(id, { nik, kk: `327301000000000${i + 1}`, ...(id === 'A-6' ? { registered_at: '2026-11-20T08:00:00+07:00' } : {}) }),
  );
  const job = await importFile(app, app.adminToken, tempFile('pendaftar.csv', `${HEADER}\n${applicants.join('\n')}\n`));
  if (job.state !== 'done') throw new Error(`applicants import ${job.state}`);
  const wave = await publishWave(app, app.adminToken, WAVE);
  if (wave.participants !== 5) throw new Error(`wave 1 published ${wave.participants} participants, expected A-1…A-5`);
  await imported(app, finance, 'institutions', csv('lembaga.csv', INSTITUTIONS));
  await imported(app, finance, 'trainings', csv('pelatihan.csv', TRAININGS));
  const inTime = ENROLLMENTS.filter((e) => e[0] !== REPORTED_LATE);
  await imported(app, finance, 'enrollments', csv('pembelian.csv', [ENROLLMENT_HEADER, ...inTime.map(enrollmentLine)]));
  const expiry = await app.as(app.adminToken, 'participants.expire', { asOf: EXPIRY });
  if (expiry.revoked !== 1) throw new Error(`the expiry revoked ${expiry.revoked} participants, expected A-5 only`);
  const late = ENROLLMENTS.filter((e) => e[0] === REPORTED_LATE);
  await imported(app, finance, 'enrollments', csv('pembelian-susulan.csv', [ENROLLMENT_HEADER, ...late.map(enrollmentLine)]));
}
