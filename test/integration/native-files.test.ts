import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nativeFileMethods, type NativeDialogs } from '../../electron/main/native-files';
import { createTestApp, type TestApp } from '../helpers/core';

let app: TestApp;
afterEach(async () => app?.close());

/** Dialogs that answer what a user would pick, recording what they were asked. */
function scriptedDialogs(open: string | null, save: string | null) {
  const asked: string[] = [];
  const dialogs: NativeDialogs = {
    showOpen: async () => (asked.push('open'), open),
    showSave: async (name) => (asked.push(`save:${name}`), save),
  };
  return { dialogs, asked };
}

describe("Electron's native file dialogs", () => {
  it('turn a picked file into an opaque reference the owner can use, and copy an export to the chosen place', async () => {
    app = await createTestApp();
    const dir = path.dirname(app.dbPath);
    const picked = path.join(dir, 'pendaftar.csv');
    fs.writeFileSync(picked, 'registration_id,nik\nR1,3201010101900001\n');
    const target = path.join(dir, 'salinan.csv');
    const { dialogs, asked } = scriptedDialogs(picked, target);
    const methods = nativeFileMethods(app.core, dialogs);

    const open = await methods['files.pickOpen']!({ filters: [{ name: 'CSV', extensions: ['csv'] }] }, app.adminToken);
    expect(open).toMatchObject({ ok: true, value: { name: 'pendaftar.csv', size: fs.statSync(picked).size } });
    const ref = (open as { value: { fileRef: string } }).value.fileRef;
    expect(ref).not.toContain(path.sep);

    const saved = await methods['files.saveAs']!({ fileRef: ref, suggestedName: '../../etc/salinan.csv' }, app.adminToken);
    expect(saved).toEqual({ ok: true, value: { path: target } });
    expect(asked).toEqual(['open', 'save:salinan.csv']);
    expect(fs.readFileSync(target, 'utf8')).toBe(fs.readFileSync(picked, 'utf8'));
  });

  it('need a session, and never hand one user the file of another', async () => {
    app = await createTestApp();
    const picked = path.join(path.dirname(app.dbPath), 'a.csv');
    fs.writeFileSync(picked, 'x\n');
    const { dialogs } = scriptedDialogs(picked, path.join(path.dirname(app.dbPath), 'b.csv'));
    const methods = nativeFileMethods(app.core, dialogs);
    expect(await methods['files.pickOpen']!({}, undefined)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const reviewer = await app.userToken('rina', 'reviewer');
    const open = (await methods['files.pickOpen']!({}, reviewer)) as { value: { fileRef: string } };
    const other = await app.userToken('fajar', 'finance');
    expect(await methods['files.saveAs']!({ fileRef: open.value.fileRef, suggestedName: 'b.csv' }, other)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const cancelled = nativeFileMethods(app.core, scriptedDialogs(null, null).dialogs);
    expect(await cancelled['files.pickOpen']!({}, reviewer)).toEqual({ ok: true, value: null });
  });
});
