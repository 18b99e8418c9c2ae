/** A wave's life (DESIGN 3.3): each status moves only to the next one. */
export const WAVE_STATUSES = ['draft', 'open', 'closed', 'selected', 'published'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

/** The statuses a wave may move to from each status. `selected` may be selected again (same seed, fresh pool) until published. */
export const NEXT_STATUS: Readonly<Record<WaveStatus, readonly WaveStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['selected'],
  selected: ['selected', 'published'],
  published: [],
};

/** What may be edited in each status: everything in a draft, the name while open or closed, nothing after selection. */
export function editableFields(status: WaveStatus): 'all' | 'name' | 'none' {
  if (status === 'draft') return 'all';
  if (status === 'open' || status === 'closed') return 'name';
  return 'none';
}

/** The default training balance of a wave, integer Rupiah. */
export const DEFAULT_BALANCE = 3_500_000;
