import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../electron/core/db/connection';
import { parseProofCsv } from '../../shared/selection';
import { TEST_PASSWORD, tempDbPath } from '../helpers/core';
import { runCliCaptured } from '../helpers/cli';
import { tempFile } from '../helpers/applicants';
import { sha256Hex } from '../helpers/waves';
import { addDays, jakartaDate } from '../../shared/waves';

const PW = { PRAKERJA_PASSWORD: TEST_PASSWORD };
const SLOW = 300_000;
const SAMPLE = path.resolve('resources/samples/applicants-sample.csv');
const SEED = 'cli-gelombang-1-rahasia';

const cli = (db: string, user: string, ...args: string[]) => runCliCaptured(['--db', db, '--json', '--user', user, ...args]);

function query<T>(db: string, sql: string): T[] {
  const sqlite = openSqlite(db, { readonly: true });
  try {
    return sqlite.prepare(sql).all() as T[];
  } finally {
    sqlite.close();
  }
}

describe('prakerja-office wave … (DESIGN 7)', () => {
  it(
    'create, open, close, select, publish, export and verify the proof, expire: with the DESIGN 7 JSON keys and roles',
    async () => {
      const db = tempDbPath();
      expect((await runCliCaptured(['--db', db, 'users', 'add', 'admin', '--role', 'admin'], PW)).code).toBe(0);
      expect((await runCliCaptured(['--db', db, '--user', 'admin', 'users', 'add', 'rina', '--role', 'reviewer'], PW)).code).toBe(0);
      expect((await cli(db, 'rina', 'import', 'applicants', SAMPLE)).json()).toMatchObject({ rejected: 0 });

      const quotas = tempFile('kuota.csv', 'province_code;quota\n35;10\n32;8\n33;5\n94;2\n');
      const weights = tempFile('bobot.csv', 'employment_status,weight\nunemployed,2\nlaid_off,1.5\n');
      const base = ['wave', 'create', '--number', '1', '--name', 'Gelombang 1', '--opens', '2026-10-01', '--closes', '2026-11-20', '--seed-commitment', sha256Hex(SEED)];
      // Usage errors: no quota, or both kinds.
      expect((await cli(db, 'rina', ...base)).code).toBe(2);
      expect((await cli(db, 'rina', ...base, '--quota', '5', '--province-quotas', quotas)).code).toBe(2);
      // A bad settings file names the file, row and column, and creates nothing.
      const badWeights = tempFile('bobot-salah.csv', 'employment_status,weight\nunemployed,dua\n');
      const bad = await cli(db, 'rina', ...base, '--province-quotas', quotas, '--weights', badWeights);
      expect(bad.code).toBe(1);
      expect(bad.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^File bobot-salah\.csv, baris 2, kolom weight/) });

      const created = await cli(db, 'rina', ...base, '--province-quotas', quotas, '--weights', weights, '--balance', '4200000');
      expect(created.code, created.stderr).toBe(0);
      expect(created.json()).toMatchObject({ wave: 1, status: 'draft', quota: { provinces: { '32': 8, '33': 5, '35': 10, '94': 2 } }, quotaTotal: 25, weights: { laid_off: 1.5, unemployed: 2 }, balance: 4_200_000 });
      expect((await cli(db, 'rina', 'wave', 'open', '1')).json()).toMatchObject({ wave: 1, status: 'open' });
      expect((await cli(db, 'rina', 'wave', 'close', '1')).json()).toMatchObject({ wave: 1, status: 'closed' });

      const refused = await cli(db, 'rina', 'wave', 'select', '1', '--seed', 'bukan-seed-nya');
      expect(refused.code).toBe(1);
      expect(refused.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/Seed ditolak/) });

      const selected = await cli(db, 'rina', 'wave', 'select', '1', '--seed', SEED);
      expect(selected.code, selected.stderr).toBe(0);
      const s = selected.json() as { wave: number; pool: number; selected: number; unfilled: number; provinces: Record<string, { quota: number; pool: number; selected: number }> };
      expect(Object.keys(s).slice(0, 5)).toEqual(['wave', 'pool', 'selected', 'unfilled', 'provinces']);
      expect(s.wave).toBe(1);
      expect(s.provinces['94']).toMatchObject({ quota: 2, selected: Math.min(2, s.provinces['94']?.pool ?? 0) });
      expect(s.selected + s.unfilled).toBe(25);
      for (const p of Object.values(s.provinces)) expect(Object.keys(p)).toEqual(expect.arrayContaining(['quota', 'pool', 'selected']));

      // Publishing needs an admin.
      expect((await cli(db, 'rina', 'wave', 'publish', '1')).json().error).toMatchObject({ code: 'FORBIDDEN' });
      // Not before the close date, nor before the selection was made (today).
      const today = jakartaDate(new Date());
      expect((await cli(db, 'admin', 'wave', 'publish', '1', '--date', '2026-11-20')).json().error).toMatchObject({ code: 'VALIDATION' });
      expect((await cli(db, 'admin', 'wave', 'publish', '1', '--date', addDays(today, -1))).json().error).toMatchObject({ code: 'VALIDATION' });
      const published = await cli(db, 'admin', 'wave', 'publish', '1');
      expect(published.code, published.stderr).toBe(0);
      expect(published.json()).toMatchObject({ wave: 1, publishedOn: today, participants: s.selected, balance: 4_200_000, purchaseDeadline: addDays(today, 30), revokedFrom: addDays(today, 31) });

      // The proof: export, then verify from the file and the seed; a changed file fails with exit code 1.
      const proofFile = path.join(path.dirname(db), 'bukti-1.csv');
      const proof = await cli(db, 'rina', 'export', 'wave-proof', '--out', proofFile, '--wave', '1');
      expect(proof.json()).toMatchObject({ report: 'wave-proof', rows: s.pool, sha256: sha256Hex(fs.readFileSync(proofFile, 'utf8')) });
      expect(parseProofCsv(fs.readFileSync(proofFile, 'utf8')).rows.filter((r) => r.selected)).toHaveLength(s.selected);
      const ok = await cli(db, 'rina', 'wave', 'verify', '1', '--proof', proofFile, '--seed', SEED);
      expect(ok.code, ok.stdout).toBe(0);
      expect(ok.json()).toMatchObject({ match: true, ok: true, wave: 1, quotaSource: 'given', rows: s.pool });
      // An auditor without this database: explicit province quotas cannot be inferred as one national quota,
      // so each province's count comes from the proof; with the published quota file, the counts are checked too.
      const alone = await cli(db, 'rina', 'wave', 'verify', '--proof', proofFile, '--seed', SEED);
      expect(alone.json()).toMatchObject({ match: true, wave: null, quotaSource: 'inferredProvinces' });
      const withQuotas = await cli(db, 'rina', 'wave', 'verify', '--proof', proofFile, '--seed', SEED, '--province-quotas', quotas);
      expect(withQuotas.json()).toMatchObject({ match: true, wave: null, quotaSource: 'given' });
      const wrongQuotas = await cli(db, 'rina', 'wave', 'verify', '--proof', proofFile, '--seed', SEED, '--quota', '25');
      expect(wrongQuotas.json()).toMatchObject({ match: false, quotaSource: 'given' });
      expect((await cli(db, 'rina', 'wave', 'verify', '1', '--proof', proofFile, '--seed', SEED, '--quota', '25')).code).toBe(2);
      const lines = fs.readFileSync(proofFile, 'utf8').split('\r\n');
      const flip = lines.findIndex((l) => l.endsWith(',1'));
      lines[flip] = lines[flip]!.replace(/,1$/, ',0');
      const tampered = path.join(path.dirname(db), 'bukti-1-diubah.csv');
      fs.writeFileSync(tampered, lines.join('\r\n'));
      const mismatch = await cli(db, 'rina', 'wave', 'verify', '1', '--proof', tampered, '--seed', SEED);
      expect(mismatch.code).toBe(1);
      expect(mismatch.json()).toMatchObject({ match: false, mismatches: [{ row: flip + 1, field: 'selected', expected: '1', actual: '0' }] });
      const text = await runCliCaptured(['--db', db, '--user', 'rina', 'wave', 'verify', '1', '--proof', tampered, '--seed', SEED]);
      expect(text.stdout).toMatch(new RegExp(`TIDAK COCOK[\\s\\S]*baris ${flip + 1}`));

      // The selected list of one province as XLSX.
      const xlsxFile = path.join(path.dirname(db), 'terpilih-35.xlsx');
      const sel = await cli(db, 'admin', 'export', 'wave-selection', '--out', xlsxFile, '--wave', '1', '--province', '35');
      expect(sel.json()).toMatchObject({ report: 'wave-selection', rows: s.provinces['35']!.selected });
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsxFile);
      expect(book.worksheets[0]!.rowCount).toBe(1 + s.provinces['35']!.selected);
      expect((await cli(db, 'admin', 'export', 'wave-proof', '--out', path.join(path.dirname(db), 'x.xlsx'), '--wave', '1')).code).toBe(1);
      expect((await cli(db, 'admin', 'export', 'wave-proof', '--out', proofFile)).json().error).toMatchObject({ message: expect.stringMatching(/--wave N/) });

      // Expiry: nobody bought anything; as of the day after the deadline all are revoked, and the places reported.
      expect((await cli(db, 'rina', 'participants', 'expire')).json().error).toMatchObject({ code: 'FORBIDDEN' });
      const early = await cli(db, 'admin', 'participants', 'expire', '--as-of', addDays(today, 30));
      expect(early.json()).toMatchObject({ asOf: addDays(today, 30), revoked: 0 });
      const expired = await cli(db, 'admin', 'participants', 'expire', '--as-of', addDays(today, 31));
      expect(expired.json()).toEqual({ asOf: addDays(today, 31), revoked: s.selected, byWave: { '1': s.selected }, freedPlaces: { total: s.selected, byWave: { '1': s.selected } } });
      const revoked = query<{ revoked_at: string }>(db, 'SELECT DISTINCT revoked_at FROM participants');
      expect(revoked).toEqual([{ revoked_at: addDays(today, 31) }]);
      const show = await cli(db, 'rina', 'wave', 'show', '1');
      expect(show.json()).toMatchObject({ number: 1, status: 'published', seed: SEED, participants: { total: s.selected, revoked: s.selected } });
      const verifyDb = await runCliCaptured(['--db', db, '--json', 'db', 'verify']);
      expect(verifyDb.json()).toMatchObject({ ok: true });
    },
    SLOW,
  );
});
