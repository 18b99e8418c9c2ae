/**
 * `npm run bench [-- --rows N] [-- --json]`: builds a demo applicants CSV and database and prints each
 * DESIGN 5 figure next to its budget and a reference run. Slow (minutes at 1M rows); not part of CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDemoCsvs } from '../../electron/core/demo/csv-files';
import { benchImport, benchList, benchListDuringChild, benchListDuringImport, benchSearch } from './applicants';
import { APPLICANT_INDEXES, APPLICANT_KEY_INDEX } from '../../electron/core/db/migrations/0002_applicants';
import { APPLICANT_FTS } from '../../electron/core/db/migrations/0008_applicant_fts_columnsize';
import { benchReconciliation, benchSelection } from './domain-logic';
import { benchReconcileDb } from './invoices';
import { benchScreening } from './screening-db';
import { benchWaveSelection } from './waves-db';
import { useBuiltWorkers } from './built-workers';

const args = process.argv.slice(2);
const json = args.includes('--json');
const rowsArg = args.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
const REFERENCE_DATE = '2026-05-10';

interface Figure {
  name: string;
  value: number | null;
  unit: string;
  budget: string;
  /** Within budget; null when there is no budget or no measurement. */
  ok: boolean | null;
  reference?: string;
  note?: string;
}

const figures: Figure[] = [];
const log = (line: string) => {
  if (!json) console.log(line);
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function add(f: Figure) {
  figures.push(f);
  const value = f.value === null ? 'n/a' : `${f.value.toLocaleString('en')} ${f.unit}`;
  const verdict = f.ok === null ? '' : f.ok ? '  OK' : '  OVER BUDGET';
  log(`${f.name.padEnd(34)} ${value.padStart(18)}   budget ${f.budget}${verdict}${f.reference ? `   reference: ${f.reference}` : ''}${f.note ? `   (${f.note})` : ''}`);
}

/**
 * The sqlite3 shell's `.import` of the same CSV into the CSV's 14 columns with the app's types, twice:
 * into the bare table (no indexes, no name index: a floor for a bulk load here), and then building the
 * app's indexes and FTS5 name index over that table in the same transaction, as the app's bulk load does
 * (the shell's table has no id column: rowid stands for it). The shell does no row checks or conversions.
 */
function sqliteShellImport(csv: string, dir: string): { bare: number; indexed: number } | { missing: string } {
  const which = spawnSync('sh', ['-c', 'command -v sqlite3'], { encoding: 'utf8' });
  if (which.status !== 0) return { missing: 'sqlite3 command-line shell not installed (Debian: apt-get install -y sqlite3)' };
  const schema = `CREATE TABLE applicants (registration_id TEXT, nik TEXT, kk TEXT, full_name TEXT, birth_date TEXT, gender TEXT, phone TEXT,
    email TEXT, province_code TEXT, regency_code TEXT, education TEXT, employment_status TEXT, registered_at TEXT, test_score INTEGER);`;
  const timed = (db: string, script: string) => {
    execFileSync('sqlite3', [db, schema]);
    const started = process.hrtime.bigint();
    execFileSync('sqlite3', [db], { input: script });
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const load = `.import --csv --skip 1 ${csv} applicants\n`;
  const bare = timed(path.join(dir, 'reference.sqlite'), load);
  const build = [
    APPLICANT_FTS.replace("content_rowid='id'", "content_rowid='rowid'").replace(/applicants_fts/g, 'reference_fts'),
    `INSERT INTO reference_fts(reference_fts, rank) VALUES ('hashsize', ${64 * 1024 * 1024})`,
    `INSERT INTO reference_fts(reference_fts) VALUES ('rebuild')`,
    APPLICANT_KEY_INDEX,
    ...APPLICANT_INDEXES.map((sql) => sql.replace(', id,', ',')),
  ];
  const indexed = timed(path.join(dir, 'reference-indexed.sqlite'), `${load}PRAGMA cache_size = -4096;\nBEGIN;\n${build.map((sql) => `${sql};`).join('\n')}\nCOMMIT;\n`);
  return { bare, indexed };
}

function exportInChild(dbPath: string, out: string): { rows: number; seconds: number; peakRssMb: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'export-child.ts'), dbPath, out], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`export child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-bench-'));
try {
  const workers = useBuiltWorkers();
  log(`Prakerja Office bench: ${rows.toLocaleString('en')} applicants, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${workers}\n`);

  const started = process.hrtime.bigint();
  const demo = await writeDemoCsvs(dir, { count: rows, seed: 'bench', referenceDate: REFERENCE_DATE });
  const demoSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  add({ name: 'demo CSV generation', value: round(demoSeconds), unit: 's', budget: '< 30 s (target)', ok: demoSeconds < 30, note: `${round(demo.applicants.bytes / 1e6)} MB + ${demo.exclusions.rows.toLocaleString('en')} exclusions` });

  // Hook: applicant import, list and search (test/bench/applicants.ts, owned by the applicants feature).
  const dbPath = path.join(dir, 'bench.sqlite');
  const imp = await benchImport(demo.applicants.path, dbPath);
  const shell = sqliteShellImport(demo.applicants.path, dir);
  const perSecond = (seconds: number) => Math.round(rows / seconds);
  const reference =
    'missing' in shell
      ? shell.missing
      : `sqlite3 .import into the bare table (no indexes) ${perSecond(shell.bare).toLocaleString('en')} rows/s (${round(shell.bare)} s), ratio app/shell ${round(imp.rowsPerSecond / perSecond(shell.bare), 2)}; ` +
        `then building the same 12 indexes and FTS index ${perSecond(shell.indexed).toLocaleString('en')} rows/s (${round(shell.indexed)} s), ratio ${round(imp.rowsPerSecond / perSecond(shell.indexed), 2)}`;
  const phases = Object.entries(imp.phases).map(([k, v]) => `${k} ${round(v)} s`).join(', ');
  add({ name: 'import applicants CSV', value: imp.rowsPerSecond, unit: 'rows/s', budget: '>= 100,000 rows/s', ok: imp.rowsPerSecond >= 100_000, reference, note: `${round(imp.seconds)} s, CPU ${round(imp.cpuSeconds)} s: ${phases}` });
  const list = benchList(dbPath);
  add({ name: 'list page p95 (filter + sort)', value: list.p95, unit: 'ms', budget: '<= 30 ms', ok: list.p95 <= 30, note: `p50 ${list.p50}, p99 ${list.p99}, CPU p95 ${list.cpu?.p95}, ${list.samples} samples` });
  const search = benchSearch(dbPath);
  add({ name: 'name/NIK search p95', value: search.p95, unit: 'ms', budget: '<= 50 ms', ok: search.p95 <= 50, note: `p50 ${search.p50}, p99 ${search.p99}, CPU p95 ${search.cpu?.p95}, ${search.samples} samples` });

  const xlsx = exportInChild(dbPath, path.join(dir, 'export.xlsx'));
  add({ name: `export ${xlsx.rows.toLocaleString('en')} rows to XLSX: time`, value: round(xlsx.seconds), unit: 's', budget: '<= 60 s', ok: xlsx.seconds <= 60 });
  add({ name: 'export to XLSX: peak RSS', value: xlsx.peakRssMb, unit: 'MB', budget: '<= 400 MB', ok: xlsx.peakRssMb <= 400, note: 'child process maxRSS' });
  const csv = exportInChild(dbPath, path.join(dir, 'export.csv'));
  add({ name: 'export to CSV: time (no budget)', value: round(csv.seconds), unit: 's', budget: '-', ok: null, note: `peak RSS ${csv.peakRssMb} MB` });

  const screening = await benchScreening(dbPath);
  add({ name: `screening ${screening.rows.toLocaleString('en')} registrations`, value: round(screening.seconds), unit: 's', budget: '<= 10 s', ok: screening.seconds <= 10, note: `CPU ${round(screening.cpuSeconds)} s; ${Object.entries(screening.phases).map(([k, v]) => `${k} ${round(v)} s`).join(', ')}` });

  // The wave.select job on the bench database: screens the pool as of the close date itself, keys, quotas, writes.
  const waves = await benchWaveSelection(dbPath, { closesOn: REFERENCE_DATE, quota: Math.round(rows / 10), repeat: 5 });
  add({
    name: `wave selection ${waves.selected.toLocaleString('en')} of ${waves.pool.toLocaleString('en')} (job)`,
    value: round(waves.seconds, 2),
    unit: 's',
    budget: '<= 5 s',
    ok: waves.seconds <= 5,
    note: `first selection, median of 5 on fresh copies, each in a fresh process; CPU of both threads ${round(waves.cpuSeconds)} s; screen the pool ${round(waves.phases.read + waves.phases.screen, 2)} s (read ${round(waves.phases.read, 2)}, screen ${round(waves.phases.screen, 2)}), keys+quotas ${round(waves.phases.keys, 2)} s, write ${round(waves.phases.write, 2)} s`,
  });
  add({
    name: '  the same wave selected again',
    value: round(waves.again.seconds, 2),
    unit: 's',
    budget: '<= 5 s',
    ok: waves.again.seconds <= 5,
    note: `replaces the stored pool and selection; write ${round(waves.again.phases.write, 2)} s`,
  });
  const selection = benchSelection(rows, Math.round(rows / 10));
  add({ name: 'wave selection logic alone (no budget)', value: selection.select!.wallMs, unit: 'ms', budget: '-', ok: null, note: `CPU ${selection.select!.cpuMs} ms; proof write ${selection['write proof']!.wallMs} ms, verify ${selection['verify proof']!.wallMs} ms` });
  const reconciliation = benchReconciliation(100_000);
  add({ name: 'reconcile 100,000-line invoice (logic only)', value: reconciliation.reconcile!.wallMs, unit: 'ms', budget: '<= 3000 ms', ok: reconciliation.reconcile!.wallMs <= 3000, note: `CPU ${reconciliation.reconcile!.cpuMs} ms` });
  // Hook: invoices (test/bench/invoices.ts): the reconcile job's body on its own database, median of 5.
  const invoice = await benchReconcileDb({ lines: 100_000, repeat: 5 });
  add({
    name: `reconcile ${invoice.lines.toLocaleString('en')}-line invoice (DB read+write)`,
    value: Math.round(invoice.seconds * 1000),
    unit: 'ms',
    budget: '<= 3000 ms',
    ok: invoice.seconds <= 3,
    note: `median of ${invoice.repeats} first reconciliations; CPU ${Math.round(invoice.cpuSeconds * 1000)} ms; read ${invoice.phases.readMs}, logic ${invoice.phases.logicMs}, write ${invoice.phases.writeMs}, run+audit+commit ${Math.round(invoice.phases.finishAndCommitMs)} ms; ${invoice.participants.toLocaleString('en')} participants and enrollments; imports for the setup: enrollments ${invoice.enrollmentImportRowsPerSecond.toLocaleString('en')} rows/s, invoice ${invoice.invoiceImportRowsPerSecond.toLocaleString('en')} rows/s`,
  });
  add({ name: '  again after 1,000 late completions', value: Math.round(invoice.againSeconds * 1000), unit: 'ms', budget: '<= 3000 ms', ok: invoice.againSeconds <= 3 });

  // The UI's calls while a selection runs: the job's reader thread takes the second core for a while.
  const duringSelection = await benchListDuringChild(dbPath, [path.join(import.meta.dirname, 'select-child.ts'), dbPath], { samples: 400, settleMs: 200 });
  add({
    name: 'API p99 while a wave selection runs',
    value: duringSelection.p99,
    unit: 'ms',
    budget: '<= 100 ms',
    ok: duringSelection.p99 <= 100,
    note: `p50 ${duringSelection.p50}, p95 ${duringSelection.p95}, CPU p99 ${duringSelection.cpu?.p99}, ${duringSelection.samples} samples during a selection in a child`,
  });

  const during = await benchListDuringImport(dbPath, demo.applicants.path);
  add({ name: 'API p99 while an import runs (list pages)', value: during.p99, unit: 'ms', budget: '<= 100 ms', ok: during.p99 <= 100, note: `p50 ${during.p50}, p95 ${during.p95}, CPU p99 ${during.cpu?.p99}, ${during.samples} samples during a re-import in a child` });

  if (json) console.log(JSON.stringify({ rows, cpus: os.cpus().length, loadAverage: os.loadavg(), figures }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
