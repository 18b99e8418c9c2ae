import { describe, expect, it } from 'vitest';
import { parseProofCsv, verifyProof, writeProofRows, type ProofRow } from '../../../shared/selection/proof';
import { selectWave, type PoolMember, type RankedRow } from '../../../shared/selection/select';
import { rng, sha256HexNode, shuffled } from './spec-key';

const SEED = 'bukti-gelombang-9';
const COMMITMENT = sha256HexNode(SEED);
const random = rng(99);
const provinces = ['11', '31', '32', '35', '64'];
const POOL: PoolMember[] = Array.from({ length: 600 }, (_, i) => ({
  registrationId: `W9-${i}`,
  provinceCode: provinces[Math.floor(random() * provinces.length)]!,
  employmentStatus: random() < 0.3 ? 'unemployed' : 'employed',
}));
const WEIGHTS = { unemployed: 1.7 };
const QUOTA = { national: 90 };
const result = selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, weights: WEIGHTS, quota: QUOTA });

const csv = (rows: RankedRow[], eol = '\n') => [...writeProofRows(rows)].join(eol) + eol;
const readBack = (text: string): ProofRow[] => {
  const { rows, problems } = parseProofCsv(text);
  expect(problems).toEqual([]);
  return rows;
};
const proofRows = readBack(csv(result.rows));

describe('proof CSV', () => {
  it('has exactly the contract columns and one row per pool member', () => {
    const lines = [...writeProofRows(result.rows)];
    expect(lines[0]).toBe('registration_id,province_code,weight,key,selected');
    expect(lines).toHaveLength(POOL.length + 1);
    expect(lines[1]).toMatch(/^W9-\d+,\d\d,(1|1\.7),-[\d.e-]+,[01]$/);
  });

  it('reads every key back to the very same double, and numbers rows as a spreadsheet does', () => {
    expect(proofRows.map(({ row: _row, ...r }) => r)).toEqual(result.rows);
    expect(proofRows[0]!.row).toBe(2);
    expect(proofRows.at(-1)!.row).toBe(POOL.length + 1);
  });

  it('keeps ids that look like formulas or hold separators intact through a round trip', () => {
    const odd: RankedRow[] = ['=HYPERLINK("x")', '-5', '+62', '@a', "'quoted", 'a,b;c', 'line\nbreak', 'ok'].map((id, i) => ({
      registrationId: id,
      provinceCode: '31',
      weight: 1,
      key: -1 - i,
      selected: i % 2 === 0,
    }));
    const text = csv(odd);
    expect(text).not.toMatch(/^[=+\-@]/m);
    expect(readBack(text).map((r) => r.registrationId)).toEqual(odd.map((r) => r.registrationId));
  });

  it('accepts a BOM, semicolons, CRLF, columns in another order and in capitals, and extra columns', () => {
    const r = result.rows[0]!;
    const text = `\uFEFFNote;SELECTED;Key;Weight;Province_Code;Registration_ID\r\nx;${r.selected ? 1 : 0};${r.key};${r.weight};${r.provinceCode};${r.registrationId}\r\n`;
    expect(readBack(text)).toEqual([{ ...r, row: 2 }]);
  });

  it('names the row and column of unreadable cells, and a missing column', () => {
    const bad = parseProofCsv('registration_id,province_code,weight,key,selected\nA,31,1,-0.5,yes\nB,31,0,-0.5,1\nC,31,1,abc,0\n');
    expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'selected'],
      [3, 'weight'],
      [4, 'key'],
    ]);
    expect(parseProofCsv('registration_id,province_code,weight,key\n').problems[0]).toMatchObject({ row: 1, column: 'selected' });
  });
});

describe('verifyProof', () => {
  const withChange = (i: number, change: Partial<ProofRow>) => proofRows.map((r, j) => (j === i ? { ...r, ...change } : r));
  const firstSelected = proofRows.findIndex((r) => r.selected);
  const firstUnselected = proofRows.findIndex((r) => !r.selected);

  it('verifies an honest proof from the seed alone, with or without the quota, in any row order', () => {
    const given = verifyProof(proofRows, SEED, { quota: QUOTA, pool: POOL.length, seedCommitment: COMMITMENT });
    expect(given).toMatchObject({ ok: true, rows: POOL.length, quotaSource: 'given', mismatchCount: 0, mismatches: [] });
    const { rows: _rows, ...summary } = result;
    expect(given.recomputed).toEqual(summary);
    expect(verifyProof(shuffled(proofRows, random), SEED)).toMatchObject({ ok: true, quotaSource: 'inferred' });
  });

  it('verifies a proof of explicit quotas when given those quotas', () => {
    const quota = { provinces: { '11': 4, '31': 500, '99': 2 } };
    const explicit = selectWave({ seed: SEED, seedCommitment: COMMITMENT, pool: POOL, weights: WEIGHTS, quota });
    const rows = readBack(csv(explicit.rows));
    expect(verifyProof(rows, SEED, { quota }).ok).toBe(true);
    expect(verifyProof(rows, SEED, { quota: { provinces: { '11': 4, '31': 500 } } }).ok).toBe(true);
    expect(verifyProof(rows, SEED, { quota: { provinces: { '11': 3, '31': 500 } } }).ok).toBe(false);
  });

  it('detects a flipped selected flag, naming the row', () => {
    const unselected = verifyProof(withChange(firstSelected, { selected: false }), SEED, { quota: QUOTA });
    expect(unselected.ok).toBe(false);
    expect(unselected.mismatches[0]).toMatchObject({ row: firstSelected + 2, field: 'selected', expected: '1', actual: '0' });
    const selected = verifyProof(withChange(firstUnselected, { selected: true }), SEED, { quota: QUOTA });
    expect(selected.mismatches).toContainEqual(expect.objectContaining({ row: firstUnselected + 2, field: 'selected', expected: '0', actual: '1' }));
    // Swapping who is selected within a province keeps the counts, so even the inferred quota catches it.
    const i = proofRows.findIndex((r, j) => j > firstSelected && !r.selected && r.provinceCode === proofRows[firstSelected]!.provinceCode);
    const swapped = withChange(firstSelected, { selected: false }).map((r, j) => (j === i ? { ...r, selected: true } : r));
    expect(verifyProof(swapped, SEED).mismatchCount).toBe(2);
  });

  it('detects a changed key, even in its last digit', () => {
    const k = proofRows[5]!.key;
    const next = k + Math.abs(k) * Number.EPSILON;
    expect(next).not.toBe(k);
    const v = verifyProof(withChange(5, { key: next }), SEED, { quota: QUOTA });
    expect(v.ok).toBe(false);
    expect(v.mismatches).toEqual([{ row: 7, registrationId: proofRows[5]!.registrationId, field: 'key', expected: String(k), actual: String(next) }]);
  });

  it('detects a changed weight (the key no longer follows from it)', () => {
    const v = verifyProof(withChange(3, { weight: proofRows[3]!.weight + 1 }), SEED, { quota: QUOTA });
    expect(v.mismatches[0]).toMatchObject({ row: 5, field: 'key' });
  });

  it('detects a removed selected row; a removed unselected row needs the published pool size', () => {
    const withoutSelected = proofRows.filter((_, j) => j !== firstSelected);
    expect(verifyProof(withoutSelected, SEED, { quota: QUOTA }).ok).toBe(false);
    const withoutUnselected = proofRows.filter((_, j) => j !== firstUnselected);
    const v = verifyProof(withoutUnselected, SEED, { quota: QUOTA, pool: POOL.length });
    expect(v.ok).toBe(false);
    expect(v.mismatches[0]).toEqual({ row: null, registrationId: null, field: 'pool', expected: String(POOL.length), actual: String(POOL.length - 1) });
  });

  it('detects a repeated row', () => {
    const v = verifyProof([...proofRows, { ...proofRows[0]!, row: proofRows.length + 2 }], SEED, { quota: QUOTA });
    expect(v.mismatches).toContainEqual(expect.objectContaining({ row: proofRows.length + 2, field: 'duplicate' }));
  });

  it('with another seed, the keys do not match', () => {
    const v = verifyProof(proofRows, SEED + '!', { quota: QUOTA, maxMismatches: 3 });
    expect(v.ok).toBe(false);
    expect(v.mismatches).toHaveLength(3);
    expect(v.mismatchCount).toBeGreaterThanOrEqual(POOL.length);
  });

  it('refuses a seed whose hash is not the commitment', () => {
    const v = verifyProof(proofRows, SEED + '!', { seedCommitment: COMMITMENT });
    expect(v).toMatchObject({ ok: false, recomputed: null, mismatches: [{ row: null, field: 'seed', expected: COMMITMENT }] });
  });
});
