import { createHash } from 'node:crypto';
import type { ReasonDetails } from '../../../shared/eligibility';
import { canonicalJson } from '../audit/canonical';

/**
 * The facts behind one registration's result: its reasons, the version of its applicant row, and
 * the details that decided them (which registration it duplicates, who fills its KK, the exclusion
 * entries and their windows, the participation). An approved override stands while this stays the
 * same. Age is left out: it grows with the reference date while the birth date (in the row version)
 * and the reason (in the mask) stay put.
 */
export function factsFingerprint(mask: number, applicantVersion: number, details: ReasonDetails | Record<string, unknown> | null): string {
  const { age: _age, ...facts } = (details ?? {}) as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson({ mask, version: applicantVersion, facts }), 'utf8').digest('hex');
}

/** The stored details column back to the object the fingerprint was made from. */
export function parseDetails(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}
