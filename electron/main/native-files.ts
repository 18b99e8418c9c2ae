import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Result } from '../../shared/api/errors';
import type { Core } from '../core/app';
import { registerLocalFile, resolveFileRef } from '../core/files/registry';

/** The native dialogs, injected so the logic can be tested without Electron. */
export interface NativeDialogs {
  showOpen(filters: { name: string; extensions: string[] }[]): Promise<string | null>;
  showSave(suggestedName: string): Promise<string | null>;
}

export type HostMethod = (input: unknown, token: string | undefined) => Promise<Result<unknown>>;

const PickOpen = z.object({ filters: z.array(z.object({ name: z.string().max(80), extensions: z.array(z.string().regex(/^[a-z0-9*]{1,8}$/i)).max(10) })).max(5).default([]) });
const SaveAs = z.object({ fileRef: z.string().min(8).max(64), suggestedName: z.string().min(1).max(200) });

const unauthorized: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' } };
const invalid: Result<never> = { ok: false, error: { code: 'VALIDATION', message: 'Permintaan berkas tidak valid.' } };

/**
 * Methods only the desktop host can answer, reached through the same window.api.invoke:
 * the renderer never sees or sends a path — the user picks it in a native dialog, and the core
 * gets an opaque file reference (files.pickOpen) or copies an export to the chosen place (files.saveAs).
 */
export function nativeFileMethods(core: Core, dialogs: NativeDialogs): Record<string, HostMethod> {
  return {
    'files.pickOpen': async (input, token) => {
      const user = token ? await core.router.sessionUser(token) : null;
      if (!user) return unauthorized;
      const parsed = PickOpen.safeParse(input ?? {});
      if (!parsed.success) return invalid;
      const picked = await dialogs.showOpen(parsed.data.filters);
      if (!picked) return { ok: true, value: null };
      try {
        const file = await registerLocalFile(core, picked, user.id);
        return { ok: true, value: { fileRef: file.ref, name: file.originalName, size: file.size } };
      } catch (err) {
        return { ok: false, error: { code: 'NOT_FOUND', message: (err as Error).message } };
      }
    },
    'files.saveAs': async (input, token) => {
      const user = token ? await core.router.sessionUser(token) : null;
      if (!user) return unauthorized;
      const parsed = SaveAs.safeParse(input);
      if (!parsed.success) return invalid;
      let source;
      try {
        source = await resolveFileRef(core.db.kysely, parsed.data.fileRef, user);
      } catch (err) {
        return { ok: false, error: { code: 'NOT_FOUND', message: (err as Error).message } };
      }
      const target = await dialogs.showSave(path.basename(parsed.data.suggestedName));
      if (!target) return { ok: true, value: null };
      try {
        await fs.promises.copyFile(source.path, target);
      } catch (err) {
        return { ok: false, error: { code: 'CONFLICT', message: `Berkas tidak dapat disimpan ke ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.` } };
      }
      return { ok: true, value: { path: target } };
    },
  };
}
