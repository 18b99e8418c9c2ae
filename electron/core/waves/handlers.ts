import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { jakartaDate } from '../../../shared/waves';
import { requireUser, type HandlerContext } from '../api/context';
import type { Handler } from '../api/router';
import { resolveFileRef } from '../files/registry';
import { expireParticipants, expiryPreview } from './expire';
import type { ProofExportParams } from './export-proof';
import type { SelectionExportParams } from './export-selection';
import { closeWave, createWave, openWave, updateWave } from './lifecycle';
import { listMembers } from './members';
import { checkPublishable, type PublicationParams } from './run-publication';
import { checkSelectable, type SelectionParams } from './run-selection';
import { readSettingsFile } from './settings-file';
import type { VerifyParams } from './verify-proof';
import { getWaveRow, listWaves, waveDetail } from './wave-record';

/** DESIGN 3.6: NIKs are masked for roles that do not need them (everyone but admin and reviewer). */
const masksPersonalData = (ctx: HandlerContext) => !['admin', 'reviewer'].includes(requireUser(ctx).role);

function startJob(ctx: HandlerContext, kind: string, params: unknown) {
  const user = requireUser(ctx);
  return { jobId: ctx.core.jobs.start(kind, params, { userId: user.id, username: user.username }).id };
}

/** One wave job at a time: two would only queue on the write lock, and a second selection must see the first's result. */
function refuseWhileRunning(ctx: HandlerContext) {
  const running = ctx.core.jobs.list(null).find((j) => (j.kind === 'wave.select' || j.kind === 'wave.publish') && j.state === 'running');
  if (running) throw new ApiError('CONFLICT', 'Seleksi atau pengumuman gelombang lain sedang berjalan. Tunggu sampai selesai.');
}

export const wavesHandlers = {
  'waves.list': (async (_input, ctx) => listWaves(ctx.core.db.sqlite)) satisfies Handler<'waves.list'>,
  'waves.get': (async (input, ctx) => waveDetail(ctx.core.db.sqlite, input.number)) satisfies Handler<'waves.get'>,
  'waves.create': (async (input, ctx) => createWave(ctx, input)) satisfies Handler<'waves.create'>,
  'waves.update': (async (input, ctx) => updateWave(ctx, input.number, input.wave)) satisfies Handler<'waves.update'>,
  'waves.open': (async (input, ctx) => openWave(ctx, input.number)) satisfies Handler<'waves.open'>,
  'waves.close': (async (input, ctx) => closeWave(ctx, input.number)) satisfies Handler<'waves.close'>,

  'waves.select': (async (input, ctx) => {
    refuseWhileRunning(ctx);
    // Refuse a wrong seed or status here, so the clerk sees it at once; the job checks again in its transaction.
    checkSelectable(ctx.core.db.sqlite, input.number, input.seed);
    return startJob(ctx, 'wave.select', { number: input.number, seed: input.seed, requestedAt: ctx.now.toISOString() } satisfies SelectionParams);
  }) satisfies Handler<'waves.select'>,

  'waves.publish': (async (input, ctx) => {
    refuseWhileRunning(ctx);
    const date = input.date ?? jakartaDate(ctx.now);
    checkPublishable(ctx.core.db.sqlite, input.number, date);
    return startJob(ctx, 'wave.publish', { number: input.number, date, requestedAt: ctx.now.toISOString() } satisfies PublicationParams);
  }) satisfies Handler<'waves.publish'>,

  'waves.members': (async (input, ctx) => listMembers(ctx.core.db.sqlite, input, masksPersonalData(ctx))) satisfies Handler<'waves.members'>,

  'waves.readSettingsFile': (async (input, ctx) => {
    const file = await resolveFileRef(ctx.core.db.kysely, input.fileRef, requireUser(ctx));
    return readSettingsFile({ path: file.path, name: file.originalName }, input.kind);
  }) satisfies Handler<'waves.readSettingsFile'>,

  'waves.exportProof': (async (input, ctx) => {
    const wave = getWaveRow(ctx.core.db.sqlite, input.number);
    if (!wave.seed) throw new ApiError('CONFLICT', `Gelombang ${wave.number} belum diseleksi; bukti seleksi belum ada.`);
    return startJob(ctx, 'export.waveProof', { number: input.number } satisfies ProofExportParams);
  }) satisfies Handler<'waves.exportProof'>,

  'waves.exportSelection': (async (input, ctx) => {
    const wave = getWaveRow(ctx.core.db.sqlite, input.number);
    if (!wave.seed) throw new ApiError('CONFLICT', `Gelombang ${wave.number} belum diseleksi; daftar terpilih belum ada.`);
    return startJob(ctx, 'export.waveSelection', {
      number: input.number,
      format: input.format,
      provinceCode: input.provinceCode,
      maskNik: masksPersonalData(ctx),
    } satisfies SelectionExportParams);
  }) satisfies Handler<'waves.exportSelection'>,

  'waves.verifyProof': (async (input, ctx) => {
    const file = await resolveFileRef(ctx.core.db.kysely, input.fileRef, requireUser(ctx));
    if (input.number !== undefined) getWaveRow(ctx.core.db.sqlite, input.number);
    return startJob(ctx, 'wave.verifyProof', { path: file.path, fileName: path.basename(file.originalName), seed: input.seed, number: input.number, quota: input.number === undefined ? input.quota : undefined } satisfies VerifyParams);
  }) satisfies Handler<'waves.verifyProof'>,

  'participants.expiryPreview': (async (input, ctx) => expiryPreview(ctx.core.db.sqlite, input.asOf ?? jakartaDate(ctx.now))) satisfies Handler<'participants.expiryPreview'>,
  'participants.expire': (async (input, ctx) => expireParticipants(ctx, input.asOf ?? jakartaDate(ctx.now))) satisfies Handler<'participants.expire'>,
};
