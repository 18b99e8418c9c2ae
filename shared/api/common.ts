import { z } from 'zod';

export const SortDir = z.enum(['asc', 'desc']);
export const PageQuery = z.object({
  page: z.number().int().min(0).max(1_000_000).default(0),
  pageSize: z.number().int().min(1).max(500).default(50),
  sortField: z.string().max(64).optional(),
  sortDir: SortDir.default('asc'),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row), total: z.number().int() });
}

export const IsoDate = z.iso.date();
export const IsoDateTime = z.string().max(40);
export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
