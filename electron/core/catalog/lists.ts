import type BetterSqlite3 from 'better-sqlite3';
import type { EnrollmentFilters, EnrollmentRow, EnrollmentState, InstitutionRow, TrainingRow } from '../../../shared/api/catalog';
import { maskNik } from '../../../shared/nik';

/**
 * Enrollment counts as the catalog pages show them: completed means a completion with a certificate
 * number and no cancellation; the completion rate is of the enrollments not cancelled; the average
 * price is of what participants paid (price_paid), cancellations left out.
 */
const STATS = `count(*) AS enrollments,
  sum(e.cancelled_at IS NULL AND e.completed_at IS NOT NULL AND e.certificate_no IS NOT NULL) AS completed,
  sum(e.cancelled_at IS NOT NULL) AS cancelled,
  avg(CASE WHEN e.cancelled_at IS NULL THEN e.price_paid END) AS avg_price`;

interface StatsRecord {
  enrollments: number | null;
  completed: number | null;
  cancelled: number | null;
  avg_price: number | null;
}

function stats(r: StatsRecord) {
  const enrollments = r.enrollments ?? 0;
  const cancelled = r.cancelled ?? 0;
  const completed = r.completed ?? 0;
  const active = enrollments - cancelled;
  return { enrollments, completed, cancelled, completionRate: active > 0 ? completed / active : null, averagePrice: r.avg_price === null ? null : Math.round(r.avg_price) };
}

const RATE = `CASE WHEN coalesce(s.enrollments, 0) - coalesce(s.cancelled, 0) > 0 THEN 1.0 * s.completed / (s.enrollments - s.cancelled) END`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Page {
  page: number;
  pageSize: number;
  sortDir: 'asc' | 'desc';
}

const INSTITUTION_SORT = {
  institutionId: 'n.institution_id',
  name: 'n.name',
  platform: 'n.platform',
  trainings: 'coalesce(tc.n, 0)',
  enrollments: 'coalesce(s.enrollments, 0)',
  completionRate: `coalesce(${RATE}, -1)`,
  averagePrice: 'coalesce(s.avg_price, -1)',
} as const;

export function listInstitutions(sqlite: BetterSqlite3.Database, q: Page & { sortField?: keyof typeof INSTITUTION_SORT | undefined; q?: string | undefined }) {
  const params: Record<string, unknown> = {};
  let filter = '';
  if (q.q) {
    filter = `WHERE n.institution_id LIKE @like ESCAPE '\\' OR n.name LIKE @like ESCAPE '\\'`;
    params.like = `%${escapeLike(q.q)}%`;
  }
  const total = sqlite.prepare(`SELECT count(*) FROM institutions n ${filter}`).pluck().get(params) as number;
  const order = `${INSTITUTION_SORT[q.sortField ?? 'name']} ${q.sortDir}, n.id ${q.sortDir}`;
  const rows = sqlite
    .prepare(
      `WITH s AS (SELECT t.institution_id, ${STATS} FROM enrollments e JOIN trainings t ON t.training_id = e.training_id GROUP BY t.institution_id),
            tc AS (SELECT institution_id, count(*) AS n FROM trainings GROUP BY institution_id)
       SELECT n.*, coalesce(tc.n, 0) AS trainings, s.enrollments, s.completed, s.cancelled, s.avg_price
       FROM institutions n LEFT JOIN s ON s.institution_id = n.institution_id LEFT JOIN tc ON tc.institution_id = n.institution_id
       ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as (StatsRecord & {
    institution_id: string;
    name: string;
    npwp: string;
    platform: string;
    bank_account: string;
    trainings: number;
    updated_at: string;
  })[];
  return {
    total,
    rows: rows.map(
      (r): InstitutionRow => ({
        institutionId: r.institution_id,
        name: r.name,
        npwp: r.npwp,
        platform: r.platform,
        bankAccount: r.bank_account,
        trainings: r.trainings,
        updatedAt: r.updated_at,
        ...stats(r),
      }),
    ),
  };
}

const TRAINING_SORT = {
  trainingId: 't.training_id',
  title: 't.title',
  institutionId: 't.institution_id',
  category: 't.category',
  mode: 't.mode',
  hours: 't.hours',
  price: 't.price',
  enrollments: 'coalesce(s.enrollments, 0)',
  completionRate: `coalesce(${RATE}, -1)`,
  averagePrice: 'coalesce(s.avg_price, -1)',
} as const;

export function listTrainings(
  sqlite: BetterSqlite3.Database,
  q: Page & { sortField?: keyof typeof TRAINING_SORT | undefined; q?: string | undefined; institutionId?: string | undefined; mode?: 'online' | 'offline' | undefined },
) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.q) {
    where.push(`(t.training_id LIKE @like ESCAPE '\\' OR t.title LIKE @like ESCAPE '\\' OR t.category LIKE @like ESCAPE '\\')`);
    params.like = `%${escapeLike(q.q)}%`;
  }
  if (q.institutionId) {
    where.push('t.institution_id = @institution');
    params.institution = q.institutionId;
  }
  if (q.mode) {
    where.push('t.mode = @mode');
    params.mode = q.mode;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = sqlite.prepare(`SELECT count(*) FROM trainings t ${filter}`).pluck().get(params) as number;
  const order = `${TRAINING_SORT[q.sortField ?? 'title']} ${q.sortDir}, t.id ${q.sortDir}`;
  // Only the trainings the filter keeps are aggregated.
  const rows = sqlite
    .prepare(
      `WITH s AS (SELECT e.training_id, ${STATS} FROM enrollments e WHERE e.training_id IN (SELECT t.training_id FROM trainings t ${filter}) GROUP BY e.training_id)
       SELECT t.*, i.name AS institution_name, s.enrollments, s.completed, s.cancelled, s.avg_price
       FROM trainings t LEFT JOIN s ON s.training_id = t.training_id LEFT JOIN institutions i ON i.institution_id = t.institution_id
       ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as (StatsRecord & {
    training_id: string;
    institution_id: string;
    institution_name: string | null;
    title: string;
    category: string;
    price: number;
    mode: 'online' | 'offline';
    hours: number;
    updated_at: string;
  })[];
  return {
    total,
    rows: rows.map(
      (r): TrainingRow => ({
        trainingId: r.training_id,
        institutionId: r.institution_id,
        institutionName: r.institution_name,
        title: r.title,
        category: r.category,
        price: r.price,
        mode: r.mode,
        hours: r.hours,
        updatedAt: r.updated_at,
        ...stats(r),
      }),
    ),
  };
}

export const STATE_SQL: Record<EnrollmentState, string> = {
  purchased: 'e.cancelled_at IS NULL AND e.completed_at IS NULL',
  completed: 'e.cancelled_at IS NULL AND e.completed_at IS NOT NULL AND e.certificate_no IS NOT NULL',
  noCertificate: 'e.cancelled_at IS NULL AND e.completed_at IS NOT NULL AND e.certificate_no IS NULL',
  cancelled: 'e.cancelled_at IS NOT NULL',
};

export function enrollmentState(r: { cancelled_at: string | null; completed_at: string | null; certificate_no: string | null }): EnrollmentState {
  if (r.cancelled_at !== null) return 'cancelled';
  if (r.completed_at === null) return 'purchased';
  return r.certificate_no === null ? 'noCertificate' : 'completed';
}

const ENROLLMENT_SORT = {
  enrollmentId: 'e.enrollment_id',
  purchasedAt: 'e.purchased_at',
  completedAt: `coalesce(e.completed_at, '')`,
  pricePaid: 'e.price_paid',
  trainingId: 'e.training_id',
  platform: 'e.platform',
  updatedAt: 'e.updated_at',
} as const;

/** The UTC instant of the start of a Jakarta day, in the stored form. */
function jakartaDayStart(date: string, plusDays = 0): string {
  const ms = Date.parse(`${date}T00:00:00+07:00`) + plusDays * 86_400_000;
  return new Date(ms).toISOString();
}

export function listEnrollments(
  sqlite: BetterSqlite3.Database,
  q: Page & EnrollmentFilters & { sortField?: keyof typeof ENROLLMENT_SORT | undefined },
  mask: boolean,
): { rows: EnrollmentRow[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.q) {
    where.push(mask ? '(e.enrollment_id = @text OR e.certificate_no = @text)' : '(e.enrollment_id = @text OR e.nik = @text OR e.certificate_no = @text)');
    params.text = q.q;
  }
  if (q.state) where.push(STATE_SQL[q.state]);
  if (q.institutionId) {
    where.push('e.training_id IN (SELECT training_id FROM trainings WHERE institution_id = @institution)');
    params.institution = q.institutionId;
  }
  if (q.trainingId) {
    where.push('e.training_id = @training');
    params.training = q.trainingId;
  }
  if (q.platform) {
    where.push('e.platform = @platform');
    params.platform = q.platform;
  }
  if (q.purchasedFrom) {
    where.push('e.purchased_at >= @from');
    params.from = jakartaDayStart(q.purchasedFrom);
  }
  if (q.purchasedTo) {
    where.push('e.purchased_at < @to');
    params.to = jakartaDayStart(q.purchasedTo, 1);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = sqlite.prepare(`SELECT count(*) FROM enrollments e ${filter}`).pluck().get(params) as number;
  const order = q.sortField ? `${ENROLLMENT_SORT[q.sortField]} ${q.sortDir}, e.id ${q.sortDir}` : 'e.purchased_at DESC, e.id DESC';
  const rows = sqlite
    .prepare(
      `SELECT e.*, p.registration_id, p.revoked_at, a.full_name, t.title, t.institution_id, i.name AS institution_name
       FROM (SELECT e.* FROM enrollments e ${filter} ORDER BY ${order} LIMIT @limit OFFSET @offset) e
       LEFT JOIN participants p ON p.id = e.participant_id
       LEFT JOIN applicants a ON a.registration_id = p.registration_id
       LEFT JOIN trainings t ON t.training_id = e.training_id
       LEFT JOIN institutions i ON i.institution_id = t.institution_id
       ORDER BY ${order}`,
    )
    .all({ ...params, limit: q.pageSize, offset: q.page * q.pageSize }) as {
    enrollment_id: string;
    nik: string;
    training_id: string;
    platform: string;
    price_paid: number;
    purchased_at: string;
    completed_at: string | null;
    certificate_no: string | null;
    cancelled_at: string | null;
    version: number;
    updated_at: string;
    registration_id: string | null;
    revoked_at: string | null;
    full_name: string | null;
    title: string | null;
    institution_id: string | null;
    institution_name: string | null;
  }[];
  return {
    total,
    rows: rows.map((r) => ({
      enrollmentId: r.enrollment_id,
      nik: mask ? maskNik(r.nik) : r.nik,
      participantName: r.full_name,
      registrationId: r.registration_id,
      participantRevokedAt: r.revoked_at,
      trainingId: r.training_id,
      trainingTitle: r.title,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      platform: r.platform,
      pricePaid: r.price_paid,
      purchasedAt: r.purchased_at,
      completedAt: r.completed_at,
      certificateNo: r.certificate_no,
      cancelledAt: r.cancelled_at,
      state: enrollmentState(r),
      version: r.version,
      updatedAt: r.updated_at,
    })),
  };
}

export function catalogOptions(sqlite: BetterSqlite3.Database) {
  const institutions = sqlite.prepare('SELECT institution_id AS institutionId, name FROM institutions ORDER BY name, institution_id').all() as { institutionId: string; name: string }[];
  const platforms = sqlite.prepare('SELECT platform FROM institutions UNION SELECT DISTINCT platform FROM enrollments ORDER BY 1').pluck().all() as string[];
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { institutions, platforms, counts: { institutions: count('institutions'), trainings: count('trainings'), enrollments: count('enrollments') } };
}
