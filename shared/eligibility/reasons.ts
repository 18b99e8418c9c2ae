/** The reason codes of DESIGN 3.2, in the order of its table: results always list them in this order. */
export const REASON_CODES = [
  'NIK_INVALID',
  'NIK_MISMATCH',
  'UNDER_AGE',
  'OVER_AGE',
  'DUPLICATE_NIK',
  'KK_LIMIT',
  'EXCLUDED',
  'ALREADY_PARTICIPANT',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** One bit per code, bit i for REASON_CODES[i]; a registration's reasons are the OR of its bits. */
export const REASON_BIT = Object.fromEntries(REASON_CODES.map((code, i) => [code, 1 << i])) as Record<ReasonCode, number>;

const ALL_MASKS = 1 << REASON_CODES.length;

/** Every mask's code list, built once: turning 1M masks into lists allocates nothing. */
const REASONS_BY_MASK: readonly (readonly ReasonCode[])[] = Array.from({ length: ALL_MASKS }, (_, mask) =>
  Object.freeze(REASON_CODES.filter((_, i) => mask & (1 << i))),
);

/** The codes of a mask, in table order (a shared frozen array). */
export function reasonsOf(mask: number): readonly ReasonCode[] {
  const reasons = REASONS_BY_MASK[mask];
  if (!reasons) throw new RangeError(`not a reason mask: ${mask}`);
  return reasons;
}

const FIELD_BY_MASK: readonly string[] = REASONS_BY_MASK.map((reasons) => reasons.join(';'));

/** The reasons of a mask as the `eligibility` report writes them (DESIGN 7): `;`-separated, in table order. */
export function reasonsField(mask: number): string {
  const field = FIELD_BY_MASK[mask];
  if (field === undefined) throw new RangeError(`not a reason mask: ${mask}`);
  return field;
}

/** The mask of a `;`-separated reasons field, as stored; unknown codes are refused. */
export function maskOfField(field: string): number {
  if (field === '') return 0;
  return maskOf(
    field.split(';').map((code) => {
      if (!isReasonCode(code)) throw new RangeError(`not a reason code: ${code}`);
      return code;
    }),
  );
}

export function maskOf(reasons: Iterable<ReasonCode>): number {
  let mask = 0;
  for (const code of reasons) mask |= REASON_BIT[code];
  return mask;
}

export function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}

export type ReasonCounts = Record<ReasonCode, number>;

export function emptyReasonCounts(): ReasonCounts {
  return Object.fromEntries(REASON_CODES.map((code) => [code, 0])) as ReasonCounts;
}
