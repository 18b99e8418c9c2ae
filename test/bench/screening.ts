/**
 * The screening engine alone on a generated register: `npx tsx test/bench/screening.ts [count]`.
 * Prints wall time and this process's CPU time (the latter is what to trust on a busy machine).
 */
import { performance } from 'node:perf_hooks';
import { screen } from '../../shared/eligibility';
import { generateRegister } from '../unit/eligibility/generate-register';

const count = Number(process.argv[2] ?? 1_000_000);
const asOf = '2026-05-03';
for (const ordered of [false, true]) {
  const input = generateRegister(count, asOf, 7, { ordered });
  // Strings read from SQLite are flat; the generator's concatenations are not until first hashed.
  for (const key of ['registration_id', 'nik', 'kk', 'birth_date', 'gender'] as const) {
    input.registrations[key] = JSON.parse(JSON.stringify(input.registrations[key])) as string[];
  }
  for (let rep = 0; rep < 3; rep++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = screen(input, asOf);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `screen ${count.toLocaleString('en')} registrations (${ordered ? 'already in order' : 'unordered'}): ` +
        `${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; ` +
        `${result.summary.eligible} eligible, reasons ${JSON.stringify(result.summary.reasons)}`,
    );
  }
}
