/**
 * Child process for the bench: selects the bench wave as the `wave.select` job does, in a fresh process
 * as the app runs each job in a fresh worker thread, printing a line when it starts and one JSON line
 * with the outcome (benchWaveSelection times it; benchListDuringChild reads the list meanwhile).
 * Usage: tsx test/bench/select-child.ts DB (after benchWaveSelection has set the wave up)
 */
import { runSelection } from '../../electron/core/waves/run-selection';
import { BENCH_SEED, BENCH_WAVE } from './waves-db';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: select-child.ts DB');
console.log('started');
const cpu0 = process.cpuUsage();
const started = process.hrtime.bigint();
const r = await runSelection({ dbPath, owner: { userId: null, username: 'bench' }, progress() {}, checkCancelled() {} }, { number: BENCH_WAVE, seed: BENCH_SEED });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ pool: r.pool, selected: r.selected, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, phases: r.phases }));
