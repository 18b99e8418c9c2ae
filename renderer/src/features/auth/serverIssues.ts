import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../../../shared/api/errors';

/** Puts a VALIDATION error's field issues under the matching inputs; false when there were none to place. */
export function applyServerIssues<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>): boolean {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION' || !err.issues?.length) return false;
  let placed = false;
  for (const issue of err.issues) {
    if (!issue.path) continue;
    setError(issue.path as Path<T>, { type: 'server', message: issue.message });
    placed = true;
  }
  return placed;
}
