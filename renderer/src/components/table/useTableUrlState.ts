import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const PAGE_SIZE_OPTIONS = [25, 50, 100] as const;

export interface TableQuery<F extends string> {
  page: number;
  pageSize: number;
  sortField?: string;
  sortDir: 'asc' | 'desc';
  filters: Partial<Record<F, string>>;
}

export interface TableUrlState<F extends string> {
  query: TableQuery<F>;
  setPage(page: number, pageSize: number): void;
  setSort(field: string | undefined, dir: 'asc' | 'desc'): void;
  /** Sets or (with '' / undefined) removes one filter; goes back to the first page. */
  setFilter(key: F, value: string | undefined): void;
  setFilters(values: Partial<Record<F, string>>): void;
}

/**
 * A table's page, sort and filters live in the URL search params, so a view can be bookmarked,
 * shared with a colleague, and survives a reload. Pages in the URL are 1-based for people.
 */
export function useTableUrlState<F extends string>(filterKeys: readonly F[], defaults: { pageSize?: number } = {}): TableUrlState<F> {
  const [params, setParams] = useSearchParams();
  const keysId = filterKeys.join(',');

  const query = useMemo<TableQuery<F>>(() => {
    const page = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
    const sizeParam = Number.parseInt(params.get('size') ?? '', 10);
    const pageSize = (PAGE_SIZE_OPTIONS as readonly number[]).includes(sizeParam) ? sizeParam : (defaults.pageSize ?? 25);
    const sortField = params.get('sort') ?? undefined;
    const sortDir = params.get('dir') === 'desc' ? 'desc' : 'asc';
    const filters: Partial<Record<F, string>> = {};
    for (const key of keysId.split(',') as F[]) {
      const v = params.get(key);
      if (key && v) filters[key] = v;
    }
    return { page, pageSize, sortField, sortDir, filters };
  }, [params, keysId, defaults.pageSize]);

  const update = useCallback(
    (mutate: (p: URLSearchParams) => void) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          mutate(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    query,
    setPage: (page, pageSize) =>
      update((p) => {
        if (pageSize !== query.pageSize) {
          p.set('size', String(pageSize));
          p.delete('page');
        } else if (page > 0) p.set('page', String(page + 1));
        else p.delete('page');
      }),
    setSort: (field, dir) =>
      update((p) => {
        if (field) {
          p.set('sort', field);
          p.set('dir', dir);
        } else {
          p.delete('sort');
          p.delete('dir');
        }
        p.delete('page');
      }),
    setFilter: (key, value) =>
      update((p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        p.delete('page');
      }),
    setFilters: (values) =>
      update((p) => {
        for (const key of filterKeys) {
          const v = values[key];
          if (v) p.set(key, v);
          else p.delete(key);
        }
        p.delete('page');
      }),
  };
}
