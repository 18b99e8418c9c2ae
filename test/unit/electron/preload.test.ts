import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreloadApi } from '../../../shared/api/transport';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_SUBSCRIBE_CHANNEL } from '../../../shared/api/transport';

const bridge = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const rendererListeners = new Map<string, Array<(event: unknown, payload: unknown) => void>>();
  const invoke = vi.fn(async (_channel: string, _arg: unknown) => ({ ok: true, value: 'from-main' }));
  return { exposed, rendererListeners, invoke };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value) },
  ipcRenderer: {
    invoke: bridge.invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      bridge.rendererListeners.set(channel, [...(bridge.rendererListeners.get(channel) ?? []), listener]);
    },
  },
}));

let api: PreloadApi;
beforeAll(async () => {
  await import('../../../electron/preload/index');
  api = bridge.exposed.get('api') as PreloadApi;
});

/** Delivers an event the way ipcRenderer does: with an event object whose sender is ipcRenderer. */
function deliver(payload: unknown) {
  for (const listener of bridge.rendererListeners.get(IPC_EVENT_CHANNEL) ?? []) listener({ sender: 'ipcRenderer-itself' }, payload);
}

describe('preload', () => {
  it('exposes exactly one object, window.api, with only invoke and on', () => {
    expect([...bridge.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('forwards invoke to the call channel and returns the main process result', async () => {
    bridge.invoke.mockClear();
    await expect(api.invoke('system.status', { a: 1 }, 'tok')).resolves.toEqual({ ok: true, value: 'from-main' });
    expect(bridge.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, { method: 'system.status', input: { a: 1 }, token: 'tok' });
  });

  it('subscribes with the token, hands listeners only the event payload, and unsubscribes after the last listener', () => {
    bridge.invoke.mockClear();
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = api.on('tok', first);
    const offSecond = api.on('tok', second);
    expect(bridge.invoke).toHaveBeenCalledWith(IPC_SUBSCRIBE_CHANNEL, 'tok');

    const event = { type: 'job', job: { id: 'j1', state: 'running' } };
    deliver(event);
    expect(first).toHaveBeenCalledExactlyOnceWith(event);
    expect(second).toHaveBeenCalledExactlyOnceWith(event);

    offFirst();
    offFirst();
    expect(bridge.invoke).not.toHaveBeenCalledWith(IPC_SUBSCRIBE_CHANNEL, null);
    deliver(event);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);

    offSecond();
    expect(bridge.invoke).toHaveBeenLastCalledWith(IPC_SUBSCRIBE_CHANNEL, null);
  });

  it('keeps delivering when one listener throws', () => {
    const bad = vi.fn(() => {
      throw new Error('boom');
    });
    const good = vi.fn();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const offs = [api.on('tok', bad), api.on('tok', good)];
    deliver({ type: 'job', job: { id: 'j2' } });
    expect(good).toHaveBeenCalledTimes(1);
    offs.forEach((off) => off());
    spy.mockRestore();
  });
});

describe('preload bundle', () => {
  const source = fs.readFileSync(path.resolve('electron/preload/index.ts'), 'utf8');

  it('imports nothing at runtime but electron', () => {
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^'"]*from\s+['"]([^'"]+)['"]/gm)];
    expect(imports.length).toBeGreaterThan(0);
    const runtime = imports.filter((m) => !m[1]).map((m) => m[2]);
    expect(runtime).toEqual(['electron']);
    expect(source).not.toMatch(/\brequire\s*\(/);
  });

  it('uses the channel names of shared/api/transport.ts', () => {
    expect(source).toContain(`IPC_CALL_CHANNEL = '${IPC_CALL_CHANNEL}'`);
    expect(source).toContain(`IPC_SUBSCRIBE_CHANNEL = '${IPC_SUBSCRIBE_CHANNEL}'`);
    expect(source).toContain(`IPC_EVENT_CHANNEL = '${IPC_EVENT_CHANNEL}'`);
  });

  const built = path.resolve('out/preload/index.cjs');
  it.skipIf(!fs.existsSync(built))('built as one CommonJS file whose only require is electron', () => {
    const code = fs.readFileSync(built, 'utf8');
    const requires = [...code.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*import\s/m);
  });
});
