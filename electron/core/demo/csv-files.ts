import path from 'node:path';
import { csvLine } from '../export/csv-format';
import { openTextSink } from '../export/text-sink';
import { APPLICANT_COLUMNS, applicantRecords, type ApplicantRow } from './applicants';
import { EXCLUSION_COLUMNS, exclusionPicker, exclusionRows, type ExclusionOptions } from './exclusions';
import { resolveOptions, type DemoOptions } from './options';
import { loadDemoRegions } from './regions';

export interface WrittenFile {
  path: string;
  rows: number;
  bytes: number;
}

/**
 * Demo input files: UTF-8 without BOM, comma separated, RFC 4180 quoting, LF line ends — what a
 * partner system would send. No formula guard: these are data for our importer, not for Excel.
 */
export async function writeApplicantsCsv(path: string, opts: DemoOptions): Promise<WrittenFile> {
  const regions = await loadDemoRegions();
  return writeLines(path, APPLICANT_COLUMNS, (function* () {
    for (const record of applicantRecords(regions, resolveOptions(opts))) yield applicantFields(record.row);
  })());
}

export async function writeExclusionsCsv(path: string, opts: ExclusionOptions): Promise<WrittenFile> {
  const regions = await loadDemoRegions();
  return writeLines(path, EXCLUSION_COLUMNS, (function* () {
    for (const r of exclusionRows(regions, resolveOptions(opts), opts.othersPerApplicant ?? 0.05)) yield [r.nik, r.list, r.valid_from, r.valid_to, r.source];
  })());
}

/** Both demo files in one pass over the generator (about half the time of writing them one by one). */
export async function writeDemoCsvs(dir: string, opts: ExclusionOptions): Promise<{ applicants: WrittenFile; exclusions: WrittenFile }> {
  const regions = await loadDemoRegions();
  const o = resolveOptions(opts);
  const exclusionsFor = exclusionPicker(regions, o, opts.othersPerApplicant ?? 0.05);
  const exclusionsPath = path.join(dir, 'demo-exclusions.csv');
  const exclusionSink = openTextSink(exclusionsPath);
  let exclusionCount = 0;
  try {
    exclusionSink.write(csvLine(EXCLUSION_COLUMNS) + '\n');
    const applicants = await writeLines(path.join(dir, 'demo-applicants.csv'), APPLICANT_COLUMNS, (function* () {
      for (const record of applicantRecords(regions, o)) {
        for (const e of exclusionsFor(record)) {
          exclusionCount++;
          // Its back-pressure is ignored on purpose: this file is ~3% of the other, whose waits drain it.
          void exclusionSink.write(csvLine([e.nik, e.list, e.valid_from, e.valid_to, e.source]) + '\n');
        }
        yield applicantFields(record.row);
      }
    })());
    await exclusionSink.close();
    return { applicants, exclusions: { path: exclusionsPath, rows: exclusionCount, bytes: exclusionSink.bytes } };
  } catch (err) {
    await exclusionSink.abort();
    throw err;
  }
}

function applicantFields(r: ApplicantRow): string[] {
  return [r.registration_id, r.nik, r.kk, r.full_name, r.birth_date, r.gender, r.phone, r.email, r.province_code, r.regency_code, r.education, r.employment_status, r.registered_at, r.test_score];
}

/** One CSV file as the demo writes them (see above). */
export async function writeLines(path: string, header: readonly string[], lines: Iterable<readonly string[]>): Promise<WrittenFile> {
  const sink = openTextSink(path);
  let rows = 0;
  try {
    sink.write(csvLine(header) + '\n');
    for (const fields of lines) {
      rows++;
      const wait = sink.write(csvLine(fields) + '\n');
      if (wait) await wait;
    }
    await sink.close();
  } catch (err) {
    await sink.abort();
    throw err;
  }
  return { path, rows, bytes: sink.bytes };
}
