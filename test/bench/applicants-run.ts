/** Quick manual run: npx tsx test/bench/applicants-run.ts [rows] — the integrator's bench runner calls the functions in applicants.ts. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateApplicantsCsv } from './generate-applicants-csv';
import { benchImport, benchList, benchSearch } from './applicants';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prakerja-bench-'));
const csv = path.join(dir, 'applicants.csv');
generateApplicantsCsv(csv, rows, 1);
const db = path.join(dir, 'bench.sqlite');
const imp = await benchImport(csv, db);
console.log('import', imp, 'budget >= 100000 rows/s');
console.log('list', benchList(db), 'budget p95 <= 30 ms');
console.log('search', benchSearch(db), 'budget p95 <= 50 ms');
fs.rmSync(dir, { recursive: true, force: true });
