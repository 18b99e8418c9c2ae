import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { CONTENT_SECURITY_POLICY } from '../../../electron/server/csp';
import { applyContentSecurityPolicy, denyAllPermissions, guardWebContents } from '../../../electron/main/navigation-guards';

const appUrl = pathToFileURL('/app/out/renderer/index.html').href;

type OpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: OpenHandler) => {
      openHandler = handler;
    },
  });
  const openExternal = vi.fn();
  guardWebContents(contents as unknown as WebContents, { appUrl, openExternal });
  /** Emits a cancellable event the way Electron does; returns whether a guard prevented it. */
  const emit = (name: string, url?: string): boolean => {
    let prevented = false;
    emitter.emit(name, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler installed');
    return openHandler({ url });
  };
  return { emit, open, openExternal };
}

describe('webContents guards', () => {
  it('denies window.open; an https link goes to the system browser, anything else nowhere', () => {
    const c = fakeContents();
    expect(c.open('https://www.prakerja.go.id/')).toEqual({ action: 'deny' });
    expect(c.openExternal).toHaveBeenCalledWith('https://www.prakerja.go.id/');
    expect(c.open(`${appUrl}#/lain`)).toEqual({ action: 'deny' });
    expect(c.open('http://example.com/')).toEqual({ action: 'deny' });
    expect(c.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(c.openExternal).toHaveBeenCalledTimes(1);
  });

  it('prevents navigation and redirects away from the app, allows the app itself', () => {
    const c = fakeContents();
    expect(c.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(c.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(c.emit('will-navigate', `${appUrl}#/pengguna`)).toBe(false);
    expect(c.emit('will-redirect', appUrl)).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    expect(fakeContents().emit('will-attach-webview')).toBe(true);
  });
});

function fakeSession() {
  const calls: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (calls.request = h),
    setPermissionCheckHandler: (h: never) => (calls.check = h),
    setDevicePermissionHandler: (h: never) => (calls.device = h),
    webRequest: { onHeadersReceived: (h: never) => (calls.headers = h) },
  };
  return { session: session as unknown as Session, calls: calls as Record<string, (...args: unknown[]) => unknown> };
}

describe('session hardening', () => {
  it('refuses every permission request and check', () => {
    const { session, calls } = fakeSession();
    denyAllPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      calls.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(calls.check!({}, permission, 'file://', {})).toBe(false);
    }
    expect(calls.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('sets the shared CSP on every response, replacing a weaker one from the server', () => {
    const { session, calls } = fakeSession();
    applyContentSecurityPolicy(session, CONTENT_SECURITY_POLICY);
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    calls.headers!(
      { url: 'http://localhost:5173/', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (r: typeof result) => (result = r),
    );
    expect(result!.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(result!.responseHeaders['content-security-policy']).toBeUndefined();
    expect(result!.responseHeaders['Content-Type']).toEqual(['text/html']);
    calls.headers!({ url: 'file:///app/index.html' }, (r: typeof result) => (result = r));
    expect(result!.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
