/**
 * Child process for the bench: selects the bench wave again as the `wave.select` job does, printing a
 * line when it starts and one JSON line with the outcome (benchListDuringChild reads the list meanwhile).
 * Usage: tsx test/bench/select-child.ts DB (after benchWaveSelection has set the wave up)
 */
import { runSelection } from '../../electron/core/waves/run-selection';
import { BENCH_SEED, BENCH_WAVE } from './waves-db';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: select-child.ts DB');
console.log('started');
const r = await runSelection({ dbPath, owner: { userId: null, username: 'bench' }, progress() {}, checkCancelled() {} }, { number: BENCH_WAVE, seed: BENCH_SEED });
console.log(JSON.stringify({ seconds: r.seconds, pool: r.pool, selected: r.selected }));
