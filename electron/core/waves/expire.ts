import type BetterSqlite3 from 'better-sqlite3';
import type { ExpiryResult } from '../../../shared/api/waves';
import { PURCHASE_WINDOW_DAYS, addDays, endOfJakartaDay } from '../../../shared/waves';
import type { HandlerContext } from '../api/context';
import { participantCounts } from './wave-record';

/**
 * DESIGN 3.3: a participant with no purchase on or before the deadline (publication date + 30 days)
 * is revoked with effect from the day after. As of a date, those due are the participants not yet
 * revoked whose revocation date has come (published_on + 31 days <= asOf) and who have no enrollment
 * purchased by the end of the deadline (Asia/Jakarta) that is not cancelled as of asOf: a purchase
 * cancelled later than asOf still counted on asOf, so the same data and date always give the same answer.
 */
const DUE = `p.card_number IS NOT NULL AND p.revoked_at IS NULL AND p.published_on <= @lastPublishedOn
  AND NOT EXISTS (
    SELECT 1 FROM enrollments e WHERE e.participant_id = p.id
      AND e.purchased_at <= date(p.published_on, '+${PURCHASE_WINDOW_DAYS} days') || 'T16:59:59.999Z'
      AND (e.cancelled_at IS NULL OR e.cancelled_at > @asOfEnd))`;

const bind = (asOf: string) => ({ lastPublishedOn: addDays(asOf, -(PURCHASE_WINDOW_DAYS + 1)), asOfEnd: endOfJakartaDay(asOf) });

export function expiryPreview(sqlite: BetterSqlite3.Database, asOf: string) {
  const rows = sqlite.prepare(`SELECT p.wave_number AS wave, count(*) AS n FROM participants p WHERE ${DUE} GROUP BY p.wave_number ORDER BY p.wave_number`).all(bind(asOf)) as {
    wave: number;
    n: number;
  }[];
  return { asOf, due: rows.reduce((a, r) => a + r.n, 0), byWave: Object.fromEntries(rows.map((r) => [String(r.wave), r.n])) };
}

export function freedPlaces(sqlite: BetterSqlite3.Database): ExpiryResult['freedPlaces'] {
  const byWave: Record<string, number> = {};
  let total = 0;
  for (const [wave, c] of participantCounts(sqlite)) {
    if (!c.revoked) continue;
    byWave[String(wave)] = c.revoked;
    total += c.revoked;
  }
  return { total, byWave };
}

/** Revokes every participant due as of asOf in the caller's transaction; one expiry record and one audit record. */
export async function expireParticipants(ctx: HandlerContext, asOf: string): Promise<ExpiryResult> {
  const sqlite = ctx.core.db.sqlite;
  const preview = expiryPreview(sqlite, asOf);
  const at = ctx.now.toISOString();
  const expiryId = Number(
    sqlite
      .prepare('INSERT INTO participant_expiries (as_of, run_at, user_id, username, revoked, by_wave_json) VALUES (?, ?, ?, ?, ?, ?)')
      .run(asOf, at, ctx.user!.id, ctx.user!.username, preview.due, JSON.stringify(preview.byWave)).lastInsertRowid,
  );
  const revokedIds = sqlite
    .prepare(
      `UPDATE participants AS p SET revoked_at = date(p.published_on, '+${PURCHASE_WINDOW_DAYS + 1} days'), expiry_id = @expiryId, version = p.version + 1, updated_at = @at
       WHERE ${DUE} RETURNING registration_id`,
    )
    .pluck()
    .all({ ...bind(asOf), expiryId, at }) as string[];
  revokedIds.sort();
  const result: ExpiryResult = { asOf, revoked: revokedIds.length, byWave: preview.byWave, freedPlaces: freedPlaces(sqlite) };
  await ctx.audit({
    action: 'participants.expire',
    entity: 'participant_expiry',
    entityId: expiryId,
    after: { asOf, revoked: result.revoked, byWave: result.byWave, freedPlaces: result.freedPlaces.total, registrationIds: revokedIds },
  });
  return result;
}
