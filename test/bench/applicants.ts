import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, openSqlite } from '../../electron/core/db/connection';
import { migrateToLatest } from '../../electron/core/db/migrate';
import { runImport } from '../../electron/core/applicants/import/run-import';
import { listApplicants } from '../../electron/core/applicants/list';
import type { ParsedInputOf } from '../../shared/api/contract';

/** Measurements of the applicant register for the bench runner (DESIGN 5). */

export interface ImportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Wall seconds of each phase, in order: file hash, rows read/checked/written, name index, secondary indexes, commit and close. */
  phases: Record<string, number>;
  cpuSeconds: number;
}

/** Imports csvPath into a fresh database at dbPath (removed first), as the import job does. */
export async function benchImport(csvPath: string, dbPath: string): Promise<ImportFigures> {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  const db = openDb(dbPath);
  await migrateToLatest(db);
  await db.close();
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const phases: Record<string, number> = {};
  let last = started;
  const group = (name: string) => (name === 'applicants_fts' ? 'name index' : name.startsWith('applicants_') ? 'indexes' : name === 'read, check and write rows' ? 'rows' : name === 'hash' ? 'hash' : name === 'prepare' ? 'rows' : 'commit');
  const phase = (name: string) => {
    const now = process.hrtime.bigint();
    const key = group(name);
    phases[key] = (phases[key] ?? 0) + Number(now - last) / 1e9;
    last = now;
  };
  const r = await runImport(
    { dbPath, owner: { userId: null, username: 'bench' }, progress() {}, checkCancelled() {}, phase },
    { kind: 'applicants', path: csvPath, fileName: 'bench.csv' },
  );
  phase('close');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const rows = r.inserted + r.updated + r.unchanged;
  return { rows, seconds, rowsPerSecond: Math.round(rows / seconds), phases, cpuSeconds: (used.user + used.system) / 1e6 };
}

export interface LatencyFigures {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The same percentiles of this thread's CPU time per call: on a loaded machine wall time also counts waiting for a core. */
  cpu?: { p50: number; p95: number; p99: number; max: number };
}

function percentiles(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

function figures(ms: number[], cpuMs?: number[]): LatencyFigures {
  return { samples: ms.length, ...percentiles(ms), ...(cpuMs ? { cpu: percentiles(cpuMs) } : {}) };
}

/** Wall and CPU milliseconds of one call. */
function timed<T>(f: () => T, wall: number[], cpu: number[]): T {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const r = f();
  wall.push(Number(process.hrtime.bigint() - t) / 1e6);
  const u = process.cpuUsage(c);
  cpu.push((u.user + u.system) / 1000);
  return r;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

type ListInput = ParsedInputOf<'applicants.list'>;
const base: ListInput = { page: 0, pageSize: 50, sortDir: 'asc' } as ListInput;

/** The views staff use: filtered and sorted, unfiltered, and deep pages of each. */
const VIEWS: Partial<ListInput>[] = [
  { sortField: 'registeredAt', sortDir: 'desc' },
  { sortField: 'fullName' },
  { provinceCode: '32', sortField: 'registeredAt', sortDir: 'desc' },
  { provinceCode: '35', sortField: 'fullName' },
  { regencyCode: '3273', sortField: 'birthDate' },
  { gender: 'P', ageMin: 18, ageMax: 64, sortField: 'registeredAt' },
  { employmentStatus: 'unemployed', sortField: 'registeredAt', sortDir: 'desc' },
  { registeredFrom: '2026-03-10', registeredTo: '2026-03-20', sortField: 'registeredAt' },
  { provinceCode: '33', education: 'SMA', sortField: 'registrationId' },
  { sortField: 'birthDate', sortDir: 'desc' },
];

/**
 * p50/p95/p99 of one list page (count included) over random pages of the views above, deep pages
 * included (a third of the samples jump to a page in the last half), on the database at dbPath.
 */
export function benchList(dbPath: string, samples = 300, now = new Date('2026-05-10T03:00:00Z'), until?: () => boolean): LatencyFigures {
  const sqlite = openSqlite(dbPath, { readonly: true });
  try {
    const rand = rng(42);
    const ms: number[] = [];
    const cpu: number[] = [];
    const totals = new Map<number, number>();
    for (let i = 0; i < samples && !until?.(); i++) {
      const v = i % VIEWS.length;
      const total = totals.get(v) ?? 0;
      const pages = Math.max(1, Math.ceil(total / 50));
      const page = total === 0 ? 0 : i % 3 === 0 ? Math.floor(pages / 2 + (rand() * pages) / 2) : Math.floor(rand() * pages);
      const input = { ...base, ...VIEWS[v], page } as ListInput;
      const r = timed(() => listApplicants(sqlite, input, now, false), ms, cpu);
      totals.set(v, r.total);
    }
    return figures(ms, cpu);
  } finally {
    sqlite.close();
  }
}

/**
 * benchList while an import of csvPath into the same database runs in a child process (its own
 * connection holding the write transaction, as the import job's worker does): the UI's reads go on
 * against the last committed state. Samples are taken only while the import runs.
 */
export async function benchListDuringImport(dbPath: string, csvPath: string, samples = 300): Promise<LatencyFigures & { childSeconds: number }> {
  return benchListDuringChild(dbPath, [path.join(import.meta.dirname, 'import-child.ts'), dbPath, csvPath], { samples, settleMs: 1000 });
}

/**
 * List pages read while a child process runs a long job on the same database (a bench child script that
 * prints a line as it starts): the API's latency while a job runs. The child is another process here;
 * in the app the job is a worker thread of the process that answers the API, scheduled the same way.
 */
export async function benchListDuringChild(dbPath: string, childArgs: string[], { samples = 300, settleMs = 300 } = {}): Promise<LatencyFigures & { childSeconds: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...childArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  let done = false;
  const exited = new Promise<void>((resolve) => child.on('exit', () => ((done = true), resolve())));
  // The child prints a line as it starts; settleMs later it is well into its work.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((r) => setTimeout(r, settleMs));
  // The child's exit is only seen between event-loop turns: take the samples in slices, on one connection as the app has.
  const sqlite = openSqlite(dbPath, { readonly: true });
  const rand = rng(99);
  const ms: number[] = [];
  const cpu: number[] = [];
  try {
    while (!done && ms.length < samples) {
      for (let i = 0; i < 25; i++) {
        const v = Math.floor(rand() * VIEWS.length);
        // Mostly the first pages, a third anywhere in the first 100,000 rows.
        const page = rand() < 1 / 3 ? Math.floor(rand() * 2000) : Math.floor(rand() * 20);
        timed(() => listApplicants(sqlite, { ...base, ...VIEWS[v], page } as ListInput, new Date('2026-05-10T03:00:00Z'), false), ms, cpu);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    sqlite.close();
    child.kill();
    await exited;
  }
  return { ...figures(ms, cpu), childSeconds: (Date.now() - started) / 1000 };
}

/** p95 of the quick search: exact NIK, exact registration id, and name prefixes (first page with its count). */
export function benchSearch(dbPath: string, samples = 300, now = new Date('2026-05-10T03:00:00Z')): LatencyFigures {
  const sqlite = openSqlite(dbPath, { readonly: true });
  try {
    const rand = rng(7);
    const maxId = (sqlite.prepare('SELECT max(id) AS n FROM applicants').get() as { n: number }).n;
    const pick = () => sqlite.prepare('SELECT nik, registration_id, full_name FROM applicants WHERE id = ?').get(1 + Math.floor(rand() * maxId)) as {
      nik: string;
      registration_id: string;
      full_name: string;
    };
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < samples; i++) {
      const a = pick();
      const words = a.full_name.split(/\s+/);
      const q =
        i % 4 === 0 ? a.nik
        : i % 4 === 1 ? a.registration_id
        : i % 4 === 2 ? words[0]!.slice(0, 3 + Math.floor(rand() * 3))
        : `${words[0]} ${(words[1] ?? '').slice(0, 2)}`;
      timed(() => listApplicants(sqlite, { ...base, q, sortField: 'registeredAt' } as ListInput, now, false), ms, cpu);
    }
    return figures(ms, cpu);
  } finally {
    sqlite.close();
  }
}
