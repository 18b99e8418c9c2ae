/** Integer Rupiah as shown to users (DESIGN 3): `Rp1.000.000`, `-Rp5.000`. */
export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Rupiah amounts are integers, got ${amount}`);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${amount < 0 ? '-' : ''}Rp${digits}`;
}
