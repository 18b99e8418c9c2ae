import { useCallback, useRef } from 'react';
import { APPLICANT_SORT_FIELDS } from '../../../../shared/api/applicants';
import type { OutputOf } from '../../../../shared/api/contract';
import { api } from '../../api';
import { toApiFilters, type ApplicantQuery, type SortField } from './filters';

export type ApplicantPage = OutputOf<'applicants.list'>;

const sortField = (f: string | undefined): SortField | undefined => ((APPLICANT_SORT_FIELDS as readonly string[]).includes(f ?? '') ? (f as SortField) : undefined);

/**
 * Fetches list pages. The API hands back a cursor with each page; sending it with the next page
 * lets the core step by key instead of skipping rows, so paging forward stays fast deep into a million rows.
 */
export function useApplicantPages() {
  // view (filters, sort, page size) → page index → cursor that leads to the page after it
  const cursors = useRef(new Map<string, Map<number, string>>());
  return useCallback(async (q: ApplicantQuery): Promise<ApplicantPage> => {
    const input = { pageSize: q.pageSize, sortField: sortField(q.sortField), sortDir: q.sortDir, ...toApiFilters(q.filters) };
    const view = JSON.stringify(input);
    let byPage = cursors.current.get(view);
    if (!byPage) {
      byPage = new Map();
      cursors.current.set(view, byPage);
      if (cursors.current.size > 20) cursors.current.delete(cursors.current.keys().next().value as string);
    }
    const cursor = q.page > 0 ? byPage.get(q.page - 1) : undefined;
    const result = await api.call('applicants.list', { ...input, page: q.page, ...(cursor ? { cursor } : {}) });
    if (result.cursor) byPage.set(q.page, result.cursor);
    return result;
  }, []);
}
