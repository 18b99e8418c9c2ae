import type { TrainingValues } from '../catalog/import/catalog-specs';
import { createRng, type Rng } from './prng';

/** One row of the institutions file (DESIGN 4). */
export interface DemoInstitution {
  institutionId: string;
  name: string;
  npwp: string;
  platform: string;
  bankAccount: string;
}

/** One row of the trainings file (DESIGN 4), with how popular it is among demo buyers. */
export interface DemoTraining extends TrainingValues {
  popularity: number;
}

export interface DemoCatalog {
  institutions: DemoInstitution[];
  trainings: DemoTraining[];
}

interface Template {
  name: string;
  legal: 'PT' | 'CV' | 'Yayasan';
  category: string;
  /** Hands-on subjects are sometimes taught in a classroom. */
  offline: number;
  titles: readonly string[];
}

const TEMPLATES: readonly Template[] = [
  { name: 'Cahaya Digital Nusantara', legal: 'PT', category: 'Teknologi Informasi', offline: 0, titles: ['Dasar Pemrograman Web untuk Pemula', 'Desain Grafis dengan Aplikasi Gratis', 'Administrasi Perkantoran Digital', 'Analisis Data dengan Spreadsheet', 'Membuat Aplikasi Android Sederhana'] },
  { name: 'Sekolah Kopi Bandung', legal: 'CV', category: 'Kuliner', offline: 0.6, titles: ['Barista Profesional', 'Usaha Kedai Kopi Rumahan', 'Roasting Kopi Skala Kecil', 'Manajemen Kafe untuk Pemula'] },
  { name: 'Akademi Pemasaran Daring', legal: 'PT', category: 'Pemasaran', offline: 0, titles: ['Pemasaran Media Sosial untuk UMKM', 'Fotografi Produk dengan Ponsel', 'Berjualan di Lokapasar', 'Menulis Konten Promosi'] },
  { name: 'Lembaga Bahasa Inggris Kerja', legal: 'Yayasan', category: 'Bahasa', offline: 0.2, titles: ['Bahasa Inggris untuk Wawancara Kerja', 'Bahasa Inggris Layanan Pelanggan', 'Bahasa Inggris Perhotelan', 'Menulis Email Bisnis dalam Bahasa Inggris'] },
  { name: 'Pusat Pelatihan Akuntansi UMKM', legal: 'PT', category: 'Keuangan', offline: 0.1, titles: ['Pembukuan Sederhana untuk Usaha Kecil', 'Perpajakan UMKM', 'Menyusun Laporan Keuangan', 'Aplikasi Kasir dan Stok Barang'] },
  { name: 'Balai Keterampilan Busana Surakarta', legal: 'CV', category: 'Tata Busana', offline: 0.8, titles: ['Menjahit Pakaian Dasar', 'Membuat Pola Busana Muslim', 'Usaha Konveksi Rumahan', 'Membatik Tulis untuk Pemula'] },
  { name: 'Akademi Kuliner Nusantara', legal: 'PT', category: 'Kuliner', offline: 0.5, titles: ['Membuat Kue Basah untuk Dijual', 'Katering Rumahan Higienis', 'Masakan Padang untuk Usaha', 'Membuat Roti dan Pastri'] },
  { name: 'Bengkel Ilmu Otomotif Mandiri', legal: 'CV', category: 'Otomotif', offline: 0.9, titles: ['Perawatan Sepeda Motor', 'Kelistrikan Mobil Dasar', 'Servis AC Kendaraan', 'Membuka Usaha Bengkel'] },
];

const PLATFORMS = ['Tokopedia', 'Bukalapak', 'Pintaria', 'Sekolahmu', 'Pijar Mahir', 'Karier.mu'] as const;
const BANKS = [
  ['BNI', 10],
  ['BCA', 10],
  ['Mandiri', 13],
  ['BRI', 15],
  ['BSI', 10],
] as const;

const INSTITUTIONS = 6;
const TRAININGS = 20;

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(10)).join('');

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Six institutions and twenty trainings (three or four each, in the institution's field), with prices
 * of Rp300.000 to Rp1.000.000 in steps of Rp50.000: deterministic for the seed.
 */
export function demoCatalog(seed: string): DemoCatalog {
  const rng = createRng(`${seed}:catalog`);
  const templates = shuffled(rng, TEMPLATES).slice(0, INSTITUTIONS);
  const institutions: DemoInstitution[] = [];
  const trainings: DemoTraining[] = [];
  templates.forEach((t, i) => {
    const institutionId = `LPK-${String(i + 1).padStart(3, '0')}`;
    const [bank, length] = rng.pick(BANKS);
    institutions.push({
      institutionId,
      name: t.legal === 'Yayasan' ? t.name : `LPK ${t.name}`,
      npwp: `${digits(rng, 2)}.${digits(rng, 3)}.${digits(rng, 3)}.${digits(rng, 1)}-${digits(rng, 3)}.000`,
      platform: PLATFORMS[i % PLATFORMS.length]!,
      bankAccount: `${bank} ${digits(rng, length)} a.n. ${t.legal} ${t.name}`,
    });
    const count = Math.floor(TRAININGS / INSTITUTIONS) + (i < TRAININGS % INSTITUTIONS ? 1 : 0);
    shuffled(rng, t.titles)
      .slice(0, count)
      .forEach((title, k) => {
        trainings.push({
          trainingId: `TR-${String(i + 1).padStart(3, '0')}-${String(k + 1).padStart(2, '0')}`,
          institutionId,
          title,
          category: t.category,
          price: rng.between(6, 20) * 50_000,
          mode: rng.chance(t.offline) ? 'offline' : 'online',
          hours: rng.between(8, 40),
          popularity: 0.5 + rng.next() * 2,
        });
      });
  });
  return { institutions, trainings };
}

/** Fields in the order of the import's INSTITUTION_COLUMNS and TRAINING_COLUMNS. */
export const institutionFields = (i: DemoInstitution) => [i.institutionId, i.name, i.npwp, i.platform, i.bankAccount];
export const trainingFields = (t: DemoTraining) => [t.trainingId, t.institutionId, t.title, t.category, String(t.price), t.mode, String(t.hours)];
