import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_applicants';
import * as m0003 from './0003_screening';
import * as m0004 from './0004_applicant_list_indexes';
import * as m0005 from './0005_catalog_enrollments';
import * as m0006 from './0006_waves';
import * as m0007 from './0007_invoices';
import * as m0008 from './0008_applicant_fts_columnsize';

/**
 * Every migration, in order, imported statically: a packaged app has no directory to scan.
 * Ids only ever get appended; Kysely refuses a database whose applied ids are not a prefix of these.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_applicants': m0002,
  '0003_screening': m0003,
  '0004_applicant_list_indexes': m0004,
  '0005_catalog_enrollments': m0005,
  '0006_waves': m0006,
  '0007_invoices': m0007,
  '0008_applicant_fts_columnsize': m0008,
};
