/**
 * Writes the finance sample files of resources/samples (institutions, trainings, enrollments, a later
 * enrollments file with a late completion, and an invoices file whose lines meet every status of
 * DESIGN 3.4) from the 200-applicant sample, so that their NIKs are those of real sample applicants.
 * Deterministic: run again, get the same files. Run: npx tsx scripts/generate-finance-samples.ts
 *
 * The enrollments need these applicants to be participants of wave 1, published 2026-12-01, one of
 * them revoked from 2027-01-01: the tests and the e2e publish that wave for real and run the expiry
 * after the purchases are in (test/helpers/participants.ts, SAMPLE_WAVE).
 */
import fs from 'node:fs';
import path from 'node:path';
import { CsvReader } from '../electron/core/applicants/import/csv-reader';
import { parseNik } from '../shared/nik';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'resources', 'samples');
const REFERENCE = '2026-11-28';

function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  const records: string[][] = [];
  new CsvReader(file, ',', 10_000).push(text, true, (fields) => records.push(fields));
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const csvLine = (values: (string | number | null)[]) => values.map((v) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',');
function write(file: string, header: string[], rows: (string | number | null)[][]) {
  fs.writeFileSync(path.join(dir, file), `${[header.join(','), ...rows.map(csvLine)].join('\n')}\n`);
  console.log(`${file}: ${rows.length} rows`);
}

// Participants: sample applicants with a valid NIK, aged 18–64, not on an exclusion list, one per KK and NIK.
const applicants = readCsv('applicants-sample.csv');
const excluded = new Set(readCsv('exclusions-sample.csv').map((e) => e.nik));
const seenKk = new Set<string>();
const seenNik = new Set<string>();
const nikCount = new Map<string, number>();
for (const a of applicants) nikCount.set(a.nik!, (nikCount.get(a.nik!) ?? 0) + 1);
const participants = applicants.filter((a) => {
  const age = Number(REFERENCE.slice(0, 4)) - Number(a.birth_date!.slice(0, 4)) - (REFERENCE.slice(5) < a.birth_date!.slice(5) ? 1 : 0);
  const ok = parseNik(a.nik!, REFERENCE).ok && age >= 18 && age <= 64 && !excluded.has(a.nik!) && nikCount.get(a.nik!) === 1 && !seenKk.has(a.kk!) && !seenNik.has(a.nik!);
  if (ok) {
    seenKk.add(a.kk!);
    seenNik.add(a.nik!);
  }
  return ok;
}).slice(0, 60);
if (participants.length < 60) throw new Error(`only ${participants.length} suitable sample applicants`);

const INSTITUTIONS = [
  ['LPK-001', 'LPK Cahaya Digital Nusantara', '01.234.567.8-901.000', 'Tokopedia', 'BNI 0123456789 a.n. PT Cahaya Digital Nusantara'],
  ['LPK-002', 'Sekolah Kopi Bandung', '02.345.678.9-012.000', 'Pintaria', 'BCA 2345678901 a.n. CV Sekolah Kopi Bandung'],
  ['LPK-003', 'Akademi Pemasaran Daring', '03.456.789.0-123.000', 'Sekolahmu', 'Mandiri 1230004567890 a.n. PT Akademi Pemasaran Daring'],
  ['LPK-004', 'Lembaga Bahasa Inggris Kerja', '04.567.890.1-234.000', 'Pijar Mahir', 'BRI 003401000123456 a.n. Yayasan Bahasa Kerja'],
  ['LPK-005', 'Pusat Pelatihan Akuntansi UMKM', '05.678.901.2-345.000', 'Bukalapak', 'BSI 7123456789 a.n. PT Pusat Akuntansi UMKM'],
] as const;
const TRAININGS = [
  ['TR-001-01', 'LPK-001', 'Dasar Pemrograman Web untuk Pemula', 'Teknologi Informasi', 750000, 'online', 24],
  ['TR-001-02', 'LPK-001', 'Desain Grafis dengan Aplikasi Gratis', 'Teknologi Informasi', 600000, 'online', 18],
  ['TR-001-03', 'LPK-001', 'Administrasi Perkantoran Digital', 'Teknologi Informasi', 500000, 'online', 16],
  ['TR-002-01', 'LPK-002', 'Barista Profesional', 'Kuliner', 1000000, 'offline', 32],
  ['TR-002-02', 'LPK-002', 'Usaha Kedai Kopi Rumahan', 'Kuliner', 650000, 'online', 12.5],
  ['TR-003-01', 'LPK-003', 'Pemasaran Media Sosial untuk UMKM', 'Pemasaran', 550000, 'online', 15],
  ['TR-003-02', 'LPK-003', 'Fotografi Produk dengan Ponsel', 'Pemasaran', 450000, 'online', 10],
  ['TR-004-01', 'LPK-004', 'Bahasa Inggris untuk Wawancara Kerja', 'Bahasa', 700000, 'online', 20],
  ['TR-004-02', 'LPK-004', 'Bahasa Inggris Layanan Pelanggan', 'Bahasa', 800000, 'offline', 24],
  ['TR-005-01', 'LPK-005', 'Pembukuan Sederhana untuk Usaha Mikro', 'Keuangan', 500000, 'online', 14],
  ['TR-005-02', 'LPK-005', 'Pajak UMKM untuk Pemula', 'Keuangan', 400000, 'online', 8],
] as const;
const PLATFORM = Object.fromEntries(INSTITUTIONS.map((i) => [i[0], i[3]]));
const training = (id: string) => TRAININGS.find((t) => t[0] === id)!;

write('institutions-sample.csv', ['institution_id', 'name', 'npwp', 'platform', 'bank_account'], INSTITUTIONS.map((i) => [...i]));
write('trainings-sample.csv', ['training_id', 'institution_id', 'title', 'category', 'price', 'mode', 'hours'], TRAININGS.map((t) => [...t]));

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const at = (day: number, hour: number, minute = 0) => {
  // Days counted from 2026-12-01 (wave 1's publication), Jakarta time.
  const d = new Date(Date.UTC(2026, 11, 1 + day));
  return `${d.toISOString().slice(0, 10)}T${pad(hour)}:${pad(minute)}:00+07:00`;
};

interface Enrollment {
  id: string;
  nik: string;
  training: string;
  price: number;
  purchased: string;
  completed: string | null;
  certificate: string | null;
  cancelled: string | null;
}
const enrollments: Enrollment[] = [];
let seq = 0;
const enroll = (p: number, trainingId: string, state: 'completed' | 'purchased' | 'noCertificate' | 'cancelled', day = 1 + (p % 25)) => {
  const t = training(trainingId);
  const id = `ENR-2026-${pad(++seq, 5)}`;
  const completedDay = 40 + (p % 15);
  enrollments.push({
    id,
    nik: participants[p]!.nik!,
    training: trainingId,
    price: t[4],
    purchased: at(day, 9 + (p % 9), (p * 7) % 60),
    completed: state === 'completed' || state === 'noCertificate' ? at(completedDay, 16) : null,
    certificate: state === 'completed' ? `SERT/${t[1]}/2027/${pad(seq, 4)}` : null,
    cancelled: state === 'cancelled' ? at(day + 2, 11) : null,
  });
  return id;
};

// Participant 59 is revoked (no purchase by the deadline 2026-12-31) and still bought on 2027-01-05.
const REVOKED = 59;
const byTraining = TRAININGS.map((t) => t[0]);
// Every participant but the revoked one buys one training; the first twenty buy a second.
for (let p = 0; p < REVOKED; p++) enroll(p, byTraining[p % byTraining.length]!, p % 11 === 1 ? 'purchased' : p % 17 === 5 ? 'noCertificate' : p === 11 || p === 30 ? 'cancelled' : 'completed');
for (let p = 0; p < 20; p++) enroll(p, byTraining[(p + 3) % byTraining.length]!, p === 12 ? 'cancelled' : 'completed', 26 + (p % 4));
const revokedPurchase = enroll(REVOKED, 'TR-001-01', 'completed', 35);

const header = ['enrollment_id', 'nik', 'training_id', 'platform', 'price_paid', 'purchased_at', 'completed_at', 'certificate_no', 'cancelled_at'];
const row = (e: Enrollment, over: Partial<Enrollment> = {}) => {
  const x = { ...e, ...over };
  return [x.id, x.nik, x.training, PLATFORM[training(x.training)[1]]!, x.price, x.purchased, x.completed, x.certificate, x.cancelled];
};
// The first file: as the platforms reported by mid-January, so one completion (lateOne) is not in it yet.
const lpk1 = (state: (e: Enrollment) => boolean) => enrollments.filter((e) => training(e.training)[1] === 'LPK-001' && state(e));
const completed = lpk1((e) => e.certificate !== null && e.cancelled === null && e.id !== revokedPurchase);
const lateOne = completed[6]!;
write('enrollments-sample.csv', header, enrollments.map((e) => (e === lateOne ? row(e, { completed: null, certificate: null }) : row(e))));
// A later file from the platform: the late completion, and the same purchase-only row again (empty cells keep what is known).
write('enrollments-update-sample.csv', header, [row(lateOne), row(enrollments.find((e) => e.completed === null && e.cancelled === null)!)]);

// The invoices file: INV-2027-0001 of LPK-001 with a line for every status, and INV-2027-0002 re-billing one of its enrollments.
const other = enrollments.find((e) => training(e.training)[1] === 'LPK-002' && e.certificate !== null)!;
const cancelled = lpk1((e) => e.cancelled !== null)[0]!;
const purchased = lpk1((e) => e.completed === null && e.cancelled === null)[0]!;
const noCertificate = lpk1((e) => e.completed !== null && e.certificate === null && e.cancelled === null)[0];
const noCert = noCertificate ?? purchased;
const revoked = enrollments.find((e) => e.id === revokedPurchase)!;
const lpk1Trainings = byTraining.filter((t) => training(t)[1] === 'LPK-001');
const wrongTraining = (e: Enrollment) => lpk1Trainings.find((t) => t !== e.training)!;
if (completed.length < 10 || !cancelled || !purchased) throw new Error('not enough sample enrollments of LPK-001');
const participantOf = (e: Enrollment) => e.nik;
const lines: [string, Enrollment, Partial<{ nik: string; training: string; amount: number; enrollmentId: string }>][] = [
  ['MATCHED', completed[0]!, {}],
  ['MATCHED', completed[1]!, {}],
  ['MATCHED', completed[2]!, {}],
  ['MATCHED', completed[3]!, {}],
  ['MATCHED', completed[4]!, {}],
  ['DUPLICATE_LINE', completed[0]!, {}],
  ['UNKNOWN_ENROLLMENT', completed[5]!, { enrollmentId: 'ENR-2026-99999' }],
  ['INSTITUTION_MISMATCH', other, {}],
  ['PARTICIPANT_MISMATCH', completed[5]!, { nik: participantOf(completed[7]!) }],
  ['TRAINING_MISMATCH', completed[8]!, { training: wrongTraining(completed[8]!) }],
  ['CANCELLED', cancelled, {}],
  ['PARTICIPANT_REVOKED', revoked, {}],
  ['NOT_COMPLETED', lateOne, {}],
  ['NOT_COMPLETED', noCert, {}],
  ['AMOUNT_MISMATCH', completed[9]!, { amount: completed[9]!.price + 150000 }],
];
const invoiceRows: (string | number)[][] = lines.map(([, e, o], i) => [
  'INV-2027-0001', 'LPK-001', '2027-01-31', i + 1, o.enrollmentId ?? e.id, o.nik ?? e.nik, o.training ?? e.training, o.amount ?? e.price,
]);
const second = completed.slice(10, 12);
invoiceRows.push(['INV-2027-0002', 'LPK-001', '2027-02-28', 1, completed[1]!.id, completed[1]!.nik, completed[1]!.training, completed[1]!.price]);
second.forEach((e, i) => invoiceRows.push(['INV-2027-0002', 'LPK-001', '2027-02-28', i + 2, e.id, e.nik, e.training, e.price]));
write('invoices-sample.csv', ['invoice_no', 'institution_id', 'invoice_date', 'line_no', 'enrollment_id', 'nik', 'training_id', 'amount'], invoiceRows);

console.log(`participants (wave 1): ${participants.map((p) => p.registration_id).join(' ')}`);
console.log(`revoked: ${participants[REVOKED]!.registration_id}; expected statuses of INV-2027-0001: ${lines.map((l) => l[0]).join(', ')}`);
