import { afterEach, describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { registerApiIpc } from '../../electron/main/ipc';
import { startHttpShell, type HttpShell } from '../../electron/server/http';
import { IPC_CALL_CHANNEL } from '../../shared/api/transport';
import type { Result } from '../../shared/api/errors';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/core';
import { httpTransport } from '../helpers/http-client';

type Call = (method: string, input: unknown, token: string | null) => Promise<Result<unknown>>;

const opened: { app: TestApp; shell?: HttpShell }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.shell?.close();
    await o.app.close();
  }
});

/** One fresh app per transport, so the same sequence of calls can run through each and be compared. */
const transports: Record<string, () => Promise<{ call: Call; adminToken: string }>> = {
  'in-process': async () => {
    const app = await createTestApp();
    opened.push({ app });
    return { adminToken: app.adminToken, call: (method, input, token) => app.core.router.call(method, input, { token: token ?? undefined, origin: 'test' }) };
  },
  http: async () => {
    const app = await createTestApp();
    const shell = await startHttpShell(app.core);
    opened.push({ app, shell });
    return { adminToken: app.adminToken, call: httpTransport(shell.url).call };
  },
  ipc: async () => {
    const app = await createTestApp();
    opened.push({ app });
    const handlers = new Map<string, (event: IpcMainInvokeEvent, arg: unknown) => Promise<Result<unknown>>>();
    registerApiIpc({ handle: (ch: string, fn: never) => void handlers.set(ch, fn), removeHandler: () => {} } as never, app.core, () => true);
    const event = { senderFrame: {}, sender: { id: 1 } } as unknown as IpcMainInvokeEvent;
    return { adminToken: app.adminToken, call: (method, input, token) => handlers.get(IPC_CALL_CHANNEL)!(event, { method, input, token }) };
  },
};

/** What differs run to run (tokens, times, ids of time-ordered things) is replaced before comparing. */
function stable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (['token', 'expiresAt', 'createdAt', 'lastLoginAt', 'at', 'startedAt', 'jobId'].includes(key)) return typeof v;
      // The audit trail records which transport a login came through: that is meant to differ.
      if (key === 'origin') return 'transport';
      return v;
    }),
  );
}

async function script(call: Call, adminToken: string) {
  const out: unknown[] = [];
  const record = async (method: string, input: unknown, token: string | null) => {
    const result = await call(method, input, token);
    out.push({ method, result: stable(result) });
    return result;
  };
  await record('system.status', {}, null);
  await record('auth.me', {}, adminToken);
  await record('auth.me', {}, null);
  await record('users.create', { username: 'rina', displayName: 'Rina Wulandari', role: 'reviewer', password: TEST_PASSWORD }, adminToken);
  await record('users.create', { username: 'rina', displayName: 'Lagi', role: 'reviewer', password: TEST_PASSWORD }, adminToken);
  await record('users.create', { username: 'BAD NAME', displayName: '', role: 'boss', password: 'x' }, adminToken);
  const login = await record('auth.login', { username: 'rina', password: TEST_PASSWORD }, null);
  const rina = login.ok ? (login.value as { token: string }).token : null;
  await record('users.list', {}, rina);
  await record('users.list', { sortField: 'username', sortDir: 'desc' }, adminToken);
  await record('audit.list', { entity: 'user', pageSize: 10 }, adminToken);
  await record('no.such.method', {}, adminToken);
  return out;
}

describe('one API, three transports', () => {
  it('answers the same calls identically in process, over HTTP and over IPC', async () => {
    const results: Record<string, unknown[]> = {};
    for (const [name, make] of Object.entries(transports)) {
      const { call, adminToken } = await make();
      results[name] = await script(call, adminToken);
    }
    expect(results['in-process']!.length).toBe(11);
    expect(results.http).toEqual(results['in-process']);
    expect(results.ipc).toEqual(results['in-process']);
    // And the answers are the real ones, not all errors.
    expect(results['in-process']![3]).toMatchObject({ result: { ok: true, value: { username: 'rina', role: 'reviewer' } } });
    expect(results['in-process']![4]).toMatchObject({ result: { ok: false, error: { code: 'CONFLICT' } } });
    expect(results['in-process']![5]).toMatchObject({ result: { ok: false, error: { code: 'VALIDATION' } } });
    expect(results['in-process']![7]).toMatchObject({ result: { ok: false, error: { code: 'FORBIDDEN' } } });
  });
});
