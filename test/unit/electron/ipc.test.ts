import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { IpcMain } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { ApiEvent } from '../../../shared/api/jobs';
import type { Result } from '../../../shared/api/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL } from '../../../shared/api/transport';
import { registerApiIpc } from '../../../electron/main/ipc';
import { isTrustedSenderFrame } from '../../../electron/main/trusted-frame';
import { createTestApp, type TestApp } from '../../helpers/core';

const appUrl = pathToFileURL('/app/out/renderer/index.html').href;
type Handler = (event: unknown, ...args: unknown[]) => Promise<Result<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>, handlers };
}

let nextId = 1;
function fakeWebContents() {
  const sent: Array<{ channel: string; payload: ApiEvent }> = [];
  let destroyed = false;
  const emitter = new EventEmitter();
  const contents = Object.assign(emitter, {
    id: nextId++,
    isDestroyed: () => destroyed,
    send: (channel: string, payload: ApiEvent) => sent.push({ channel, payload }),
    destroy: () => {
      destroyed = true;
      emitter.emit('destroyed');
    },
  });
  return { contents, sent };
}

function eventFrom(contents: ReturnType<typeof fakeWebContents>['contents'], url = `${appUrl}#/`, parent: unknown = null) {
  return { sender: contents, senderFrame: { url, parent } };
}

let app: TestApp | undefined;
let dispose: (() => void) | undefined;
afterEach(async () => {
  dispose?.();
  dispose = undefined;
  await app?.close();
  app = undefined;
});

async function setup() {
  app = await createTestApp();
  const { ipcMain, handlers } = fakeIpcMain();
  dispose = registerApiIpc(ipcMain, app.core, (frame) => isTrustedSenderFrame(frame, appUrl));
  const call = (event: unknown, request: unknown) => handlers.get(IPC_CALL_CHANNEL)!(event, request);
  const subscribe = (event: unknown, token: unknown) => handlers.get(IPC_SUBSCRIBE_CHANNEL)!(event, token);
  return { app, handlers, call, subscribe };
}

/** How many job-event subscriptions the core holds right now. */
function countLiveSubscriptions(app: TestApp): () => number {
  let live = 0;
  const original = app.core.jobs.subscribe.bind(app.core.jobs);
  vi.spyOn(app.core.jobs, 'subscribe').mockImplementation((listener) => {
    const stop = original(listener);
    live++;
    let stopped = false;
    return () => {
      if (!stopped) live--;
      stopped = true;
      stop();
    };
  });
  return () => live;
}

describe('IPC transport', () => {
  it('runs a call from the app window through the real router, with the same result as in process', async () => {
    const { app, call } = await setup();
    const { contents } = fakeWebContents();
    const viaIpc = await call(eventFrom(contents), { method: 'system.status', input: {}, token: null });
    expect(viaIpc).toEqual({ ok: true, value: await app.as(undefined, 'system.status', {}) });
    const me = await call(eventFrom(contents), { method: 'auth.me', input: {}, token: app.adminToken });
    expect(me).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
  });

  it('returns the router errors as results', async () => {
    const { call } = await setup();
    const { contents } = fakeWebContents();
    expect(await call(eventFrom(contents), { method: 'auth.me', input: {}, token: 'not-a-token' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(await call(eventFrom(contents), { method: 'no.such', input: {}, token: null })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(eventFrom(contents), null)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers FORBIDDEN, without running anything, to a subframe, a foreign page or a vanished frame', async () => {
    const { app, call, subscribe } = await setup();
    const { contents } = fakeWebContents();
    const request = { method: 'auth.logout', input: {}, token: app.adminToken };
    const untrusted = [
      eventFrom(contents, appUrl, { url: appUrl, parent: null }),
      eventFrom(contents, 'https://evil.example/'),
      { sender: contents, senderFrame: null },
    ];
    for (const event of untrusted) {
      expect(await call(event, request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await subscribe(event, app.adminToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // The logout never ran: the session still works.
    expect((await app.as(app.adminToken, 'auth.me', {})).username).toBe('admin');
  });

  it("sends the session's job events to the subscribed window until it is destroyed", async () => {
    const { app, subscribe } = await setup();
    const live = countLiveSubscriptions(app);
    const { contents, sent } = fakeWebContents();
    expect(await subscribe(eventFrom(contents), 'bad-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await subscribe(eventFrom(contents), app.adminToken)).toEqual({ ok: true, value: { subscribed: true } });

    const { jobId } = await app.as(app.adminToken, 'system.verify', {});
    await app.core.jobs.wait(jobId);
    await vi.waitFor(() => expect(sent.at(-1)?.payload.job.state).toBe('done'), { timeout: 10_000 });
    expect(sent.every((s) => s.channel === IPC_EVENT_CHANNEL && s.payload.type === 'job' && s.payload.job.id === jobId)).toBe(true);

    // A second window that stays open shows when the later job's events have been delivered.
    expect(live()).toBe(1);
    const witness = fakeWebContents();
    await subscribe(eventFrom(witness.contents), app.adminToken);
    contents.destroy();
    expect(live()).toBe(1);
    const before = sent.length;
    const second = await app.as(app.adminToken, 'system.verify', {});
    await vi.waitFor(() => expect(witness.sent.at(-1)?.payload.job).toMatchObject({ id: second.jobId, state: 'done' }), { timeout: 10_000 });
    expect(sent.length).toBe(before);
  });

  it("does not send another user's job events, and a new subscription replaces the old one", async () => {
    const { app, subscribe } = await setup();
    const live = countLiveSubscriptions(app);
    const manager = await app.userToken('maya', 'manager');
    const { contents, sent } = fakeWebContents();
    await subscribe(eventFrom(contents), app.adminToken);
    await subscribe(eventFrom(contents), manager);
    expect(live()).toBe(1);

    const adminJob = await app.as(app.adminToken, 'system.verify', {});
    await app.core.jobs.wait(adminJob.jobId);
    const managerJob = await app.as(manager, 'system.verify', {});
    await app.core.jobs.wait(managerJob.jobId);
    await vi.waitFor(() => expect(sent.at(-1)?.payload.job.state).toBe('done'), { timeout: 10_000 });
    expect(new Set(sent.map((s) => s.payload.job.id))).toEqual(new Set([managerJob.jobId]));

    const witness = fakeWebContents();
    await subscribe(eventFrom(witness.contents), manager);
    expect(await subscribe(eventFrom(contents), null)).toEqual({ ok: true, value: { subscribed: false } });
    expect(live()).toBe(1);
    const count = sent.length;
    const later = await app.as(manager, 'system.verify', {});
    await vi.waitFor(() => expect(witness.sent.at(-1)?.payload.job).toMatchObject({ id: later.jobId, state: 'done' }), { timeout: 10_000 });
    expect(sent.length).toBe(count);
  });

  it('removes its handlers on dispose', async () => {
    const { handlers } = await setup();
    expect([...handlers.keys()].sort()).toEqual([IPC_CALL_CHANNEL, IPC_SUBSCRIBE_CHANNEL].sort());
    dispose!();
    dispose = undefined;
    expect(handlers.size).toBe(0);
  });
});
