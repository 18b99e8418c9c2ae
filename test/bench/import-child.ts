/**
 * Child process for the bench: imports a CSV into an existing database as the import job does, printing
 * a line when it starts and one JSON line with the result (benchListDuringImport reads the list meanwhile).
 * Usage: tsx test/bench/import-child.ts DB CSV
 */
import { runImport } from '../../electron/core/applicants/import/run-import';

const [dbPath, csvPath] = process.argv.slice(2);
if (!dbPath || !csvPath) throw new Error('usage: import-child.ts DB CSV');
console.log('started');
const r = await runImport({ dbPath, owner: { userId: null, username: 'bench' }, progress() {}, checkCancelled() {} }, { kind: 'applicants', path: csvPath, fileName: 'bench.csv' });
console.log(JSON.stringify(r));
