import type BetterSqlite3 from 'better-sqlite3';
import { parseTimestamp } from '../../applicants/import/values';
import type { WriteCounts } from '../../applicants/import/writers';
import type { ImportSpec } from './table-import';
import { keyedBy, parseHours, rowReader, rowRejects, show } from './values';

export const INSTITUTION_COLUMNS = ['institution_id', 'name', 'npwp', 'platform', 'bank_account'] as const;
export const TRAINING_COLUMNS = ['training_id', 'institution_id', 'title', 'category', 'price', 'mode', 'hours'] as const;
export const ENROLLMENT_COLUMNS = [
  'enrollment_id', 'nik', 'training_id', 'platform', 'price_paid', 'purchased_at', 'completed_at', 'certificate_no', 'cancelled_at',
] as const;
/** completed_at, certificate_no and cancelled_at may be empty (DESIGN 4), and a purchases-only file may leave the columns out. */
export const ENROLLMENT_REQUIRED = ['enrollment_id', 'nik', 'training_id', 'platform', 'price_paid', 'purchased_at'] as const;

const parseMode = (v: string) => {
  const mode = v.toLowerCase();
  return mode === 'online' || mode === 'offline' ? mode : null;
};

const badTimestamp = (v: string) => `${show(v)} bukan waktu ISO 8601 (contoh 2026-12-03T10:15:00+07:00 atau 2026-12-03)`;

interface Upsert<R> {
  find: BetterSqlite3.Statement;
  insert(v: R): void;
  update(id: number, v: R): void;
  same(old: Record<string, unknown>, v: R): boolean;
}

/** Row-at-a-time upsert by key: a catalog has hundreds of rows, enrollments a few hundred thousand at most per file. */
function upsertWriter<R>(u: Upsert<R>, key: (v: R) => string) {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  return {
    counts,
    add(v: R) {
      const old = u.find.get(key(v)) as (Record<string, unknown> & { id: number }) | undefined;
      if (!old) {
        u.insert(v);
        counts.inserted++;
      } else if (!u.same(old, v)) {
        u.update(old.id, v);
        counts.updated++;
      } else counts.unchanged++;
    },
  };
}

export interface InstitutionValues {
  institutionId: string;
  name: string;
  npwp: string;
  platform: string;
  bankAccount: string;
}

export const institutionsSpec: ImportSpec<InstitutionValues> = {
  kind: 'institutions',
  columns: INSTITUTION_COLUMNS,
  required: INSTITUTION_COLUMNS,
  ...keyedBy('institution_id', (v) => v.institutionId),
  open(sqlite, run) {
    const insert = sqlite.prepare(
      `INSERT INTO institutions (institution_id, name, npwp, platform, bank_account, import_run_id, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    const update = sqlite.prepare(
      `UPDATE institutions SET name = ?, npwp = ?, platform = ?, bank_account = ?, import_run_id = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    );
    const writer = upsertWriter<InstitutionValues>(
      {
        find: sqlite.prepare('SELECT id, name, npwp, platform, bank_account FROM institutions WHERE institution_id = ?'),
        insert: (v) => insert.run(v.institutionId, v.name, v.npwp, v.platform, v.bankAccount, run.id, run.at),
        update: (id, v) => update.run(v.name, v.npwp, v.platform, v.bankAccount, run.id, run.at, id),
        same: (o, v) => o.name === v.name && o.npwp === v.npwp && o.platform === v.platform && o.bank_account === v.bankAccount,
      },
      (v) => v.institutionId,
    );
    return {
      check(values, row, indexes) {
        const get = rowReader(values, indexes);
        const r = rowRejects(row, get);
        const v = {
          institutionId: r.required('institution_id'),
          name: r.required('name'),
          npwp: r.required('npwp'),
          platform: r.required('platform'),
          bankAccount: r.required('bank_account'),
        };
        return r.rejects.length ? r.rejects : v;
      },
      add: (v) => writer.add(v),
      finish: () => writer.counts,
    };
  },
};

export interface TrainingValues {
  trainingId: string;
  institutionId: string;
  title: string;
  category: string;
  price: number;
  mode: 'online' | 'offline';
  hours: number;
}

export const trainingsSpec: ImportSpec<TrainingValues> = {
  kind: 'trainings',
  columns: TRAINING_COLUMNS,
  required: TRAINING_COLUMNS,
  ...keyedBy('training_id', (v) => v.trainingId),
  open(sqlite, run) {
    const insert = sqlite.prepare(
      `INSERT INTO trainings (training_id, institution_id, title, category, price, mode, hours, import_run_id, version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    const update = sqlite.prepare(
      `UPDATE trainings SET institution_id = ?, title = ?, category = ?, price = ?, mode = ?, hours = ?, import_run_id = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    );
    const writer = upsertWriter<TrainingValues>(
      {
        find: sqlite.prepare('SELECT id, institution_id, title, category, price, mode, hours FROM trainings WHERE training_id = ?'),
        insert: (v) => insert.run(v.trainingId, v.institutionId, v.title, v.category, v.price, v.mode, v.hours, run.id, run.at),
        update: (id, v) => update.run(v.institutionId, v.title, v.category, v.price, v.mode, v.hours, run.id, run.at, id),
        same: (o, v) =>
          o.institution_id === v.institutionId && o.title === v.title && o.category === v.category && o.price === v.price && o.mode === v.mode && o.hours === v.hours,
      },
      (v) => v.trainingId,
    );
    return {
      check(values, row, indexes) {
        const get = rowReader(values, indexes);
        const r = rowRejects(row, get);
        const trainingId = r.required('training_id');
        const institutionId = r.required('institution_id');
        const title = r.required('title');
        const category = r.required('category');
        const price = r.rupiah('price');
        const mode = r.parsed('mode', parseMode, (v) => `${show(v)} bukan mode pelatihan yang dikenal (online atau offline)`);
        const hours = r.parsed('hours', parseHours, (v) => `${show(v)} bukan jumlah jam (angka >= 0, contoh 12 atau 12,5)`);
        if (r.rejects.length) return r.rejects;
        return { trainingId, institutionId, title, category, price: price!, mode: mode!, hours: hours! };
      },
      add: (v) => writer.add(v),
      finish: () => writer.counts,
    };
  },
};

export interface EnrollmentValues {
  enrollmentId: string;
  nik: string;
  participantId: number;
  trainingId: string;
  platform: string;
  pricePaid: number;
  purchasedAt: string;
  completedAt: string | null;
  certificateNo: string | null;
  cancelledAt: string | null;
}

interface EnrollmentRow {
  id: number;
  nik: string;
  participant_id: number;
  training_id: string;
  platform: string;
  price_paid: number;
  purchased_at: string;
  completed_at: string | null;
  certificate_no: string | null;
  cancelled_at: string | null;
}

/**
 * Enrollments upsert by enrollment_id (DESIGN 4). A later file fills in completed_at, certificate_no
 * and cancelled_at; an empty cell never erases what an earlier file reported (a platform resending
 * its purchases file must not undo a completion). Rows whose NIK is no participant of a published
 * wave, active or revoked, are rejected (DESIGN 7); a revoked participant's purchase is imported.
 */
export const enrollmentsSpec: ImportSpec<EnrollmentValues> = {
  kind: 'enrollments',
  columns: ENROLLMENT_COLUMNS,
  required: ENROLLMENT_REQUIRED,
  ...keyedBy('enrollment_id', (v) => v.enrollmentId),
  open(sqlite, run) {
    // Several participants with one NIK cannot arise from the rules (participation is once in a lifetime); the first counts.
    const participant = sqlite.prepare('SELECT id FROM participants WHERE nik = ? AND published_on IS NOT NULL ORDER BY id LIMIT 1').pluck();
    const find = sqlite.prepare(
      'SELECT id, nik, participant_id, training_id, platform, price_paid, purchased_at, completed_at, certificate_no, cancelled_at FROM enrollments WHERE enrollment_id = ?',
    );
    const insert = sqlite.prepare(
      `INSERT INTO enrollments (enrollment_id, nik, participant_id, training_id, platform, price_paid, purchased_at, completed_at, certificate_no, cancelled_at, import_run_id, version, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
    );
    const update = sqlite.prepare(
      `UPDATE enrollments SET nik = ?, participant_id = ?, training_id = ?, platform = ?, price_paid = ?, purchased_at = ?, completed_at = ?, certificate_no = ?,
         cancelled_at = ?, import_run_id = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    );
    const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
    return {
      check(values, row, indexes) {
        const get = rowReader(values, indexes);
        const r = rowRejects(row, get);
        const enrollmentId = r.required('enrollment_id');
        const nik = r.required('nik');
        const participantId = nik === '' ? undefined : (participant.get(nik) as number | undefined);
        if (nik !== '' && participantId === undefined) {
          r.reject('nik', `NIK ${show(nik)} bukan peserta program: tidak ada peserta gelombang yang sudah diumumkan dengan NIK ini`, nik);
        }
        const trainingId = r.required('training_id');
        const platform = r.required('platform');
        const pricePaid = r.rupiah('price_paid');
        const time = (col: string, required: boolean) => {
          const raw = required ? r.required(col) : get(col);
          if (raw === '') return null;
          const t = parseTimestamp(raw);
          if (t === null) r.reject(col, badTimestamp(raw), raw);
          return t;
        };
        const purchasedAt = time('purchased_at', true);
        const completedAt = time('completed_at', false);
        const cancelledAt = time('cancelled_at', false);
        const certificate = get('certificate_no');
        if (r.rejects.length) return r.rejects;
        return {
          enrollmentId, nik, participantId: participantId!, trainingId, platform, pricePaid: pricePaid!, purchasedAt: purchasedAt!,
          completedAt, certificateNo: certificate === '' ? null : certificate, cancelledAt,
        };
      },
      add(v) {
        const old = find.get(v.enrollmentId) as EnrollmentRow | undefined;
        if (!old) {
          insert.run(v.enrollmentId, v.nik, v.participantId, v.trainingId, v.platform, v.pricePaid, v.purchasedAt, v.completedAt, v.certificateNo, v.cancelledAt, run.id, run.at);
          counts.inserted++;
          return;
        }
        const next = {
          completed_at: v.completedAt ?? old.completed_at,
          certificate_no: v.certificateNo ?? old.certificate_no,
          cancelled_at: v.cancelledAt ?? old.cancelled_at,
        };
        const same =
          old.nik === v.nik && old.participant_id === v.participantId && old.training_id === v.trainingId && old.platform === v.platform &&
          old.price_paid === v.pricePaid && old.purchased_at === v.purchasedAt && old.completed_at === next.completed_at &&
          old.certificate_no === next.certificate_no && old.cancelled_at === next.cancelled_at;
        if (same) {
          counts.unchanged++;
          return;
        }
        update.run(v.nik, v.participantId, v.trainingId, v.platform, v.pricePaid, v.purchasedAt, next.completed_at, next.certificate_no, next.cancelled_at, run.id, run.at, old.id);
        counts.updated++;
      },
      finish: () => counts,
    };
  },
};
