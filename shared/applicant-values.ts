/** The value lists of the applicant and exclusion files (DESIGN 3.2, 4). */
export const GENDERS = ['L', 'P'] as const;
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export const EMPLOYMENT_STATUSES = ['unemployed', 'laid_off', 'informal', 'micro_business', 'employed'] as const;
export const EXCLUSION_LISTS = ['ASN', 'TNI', 'POLRI', 'VILLAGE_OFFICIAL', 'LEGISLATOR', 'SOE_BOARD', 'PKH', 'BPNT', 'BSU', 'STUDENT'] as const;

export type Gender = (typeof GENDERS)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export type ExclusionList = (typeof EXCLUSION_LISTS)[number];
