const UNITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];
const SCALES: [number, string][] = [
  [1_000_000_000_000, 'triliun'],
  [1_000_000_000, 'miliar'],
  [1_000_000, 'juta'],
];

function belowThousand(n: number): string {
  if (n < 12) return UNITS[n]!;
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) return `${UNITS[Math.floor(n / 10)]} puluh${n % 10 ? ` ${UNITS[n % 10]}` : ''}`;
  if (n < 200) return `seratus${n % 100 ? ` ${belowThousand(n % 100)}` : ''}`;
  return `${UNITS[Math.floor(n / 100)]} ratus${n % 100 ? ` ${belowThousand(n % 100)}` : ''}`;
}

function words(n: number): string {
  for (const [scale, name] of SCALES) {
    if (n >= scale) {
      const rest = n % scale;
      return `${words(Math.floor(n / scale))} ${name}${rest ? ` ${words(rest)}` : ''}`;
    }
  }
  if (n >= 1000) {
    const thousands = Math.floor(n / 1000);
    const rest = n % 1000;
    return `${thousands === 1 ? 'seribu' : `${belowThousand(thousands)} ribu`}${rest ? ` ${belowThousand(rest)}` : ''}`;
  }
  return belowThousand(n);
}

/** An integer Rupiah amount in Indonesian words, as a payment advice spells it: `satu juta lima ratus ribu rupiah`. */
export function terbilang(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`terbilang: not a whole non-negative amount: ${amount}`);
  return `${amount === 0 ? 'nol' : words(amount)} rupiah`;
}
