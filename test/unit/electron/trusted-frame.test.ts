import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { isAppUrl, isSafeExternalUrl } from '../../../electron/main/app-url';
import { isTrustedSenderFrame, type SenderFrame } from '../../../electron/main/trusted-frame';

const fileApp = pathToFileURL('/opt/Prakerja Office/out/renderer/index.html').href;
const devApp = 'http://localhost:5173/';

const mainFrame = (url: string): SenderFrame => ({ url, parent: null });

describe('app URL', () => {
  it('accepts the built index.html with any hash route or query, and nothing else on file://', () => {
    expect(isAppUrl(`${fileApp}#/pendaftar?page=2`, fileApp)).toBe(true);
    expect(isAppUrl(`${fileApp}?lang=en`, fileApp)).toBe(true);
    expect(isAppUrl(pathToFileURL('/opt/Prakerja Office/out/renderer/other.html').href, fileApp)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAppUrl('file://evil-host/opt/Prakerja%20Office/out/renderer/index.html', fileApp)).toBe(false);
    expect(isAppUrl('https://example.com/', fileApp)).toBe(false);
    expect(isAppUrl('not a url', fileApp)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAppUrl('http://localhost:5173/#/login', devApp)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devApp)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', devApp)).toBe(false);
    expect(isAppUrl('http://localhost.evil.com:5173/', devApp)).toBe(false);
  });

  it('hands only credential-free https links to the system browser', () => {
    expect(isSafeExternalUrl('https://www.prakerja.go.id/faq')).toBe(true);
    expect(isSafeExternalUrl('http://www.prakerja.go.id/')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
  });
});

describe('IPC sender frame check', () => {
  it('trusts the main frame showing the app', () => {
    expect(isTrustedSenderFrame(mainFrame(`${fileApp}#/`), fileApp)).toBe(true);
    expect(isTrustedSenderFrame(mainFrame('http://localhost:5173/'), devApp)).toBe(true);
  });

  it('refuses subframes, other pages, missing and destroyed frames', () => {
    const top = mainFrame(fileApp);
    expect(isTrustedSenderFrame({ url: fileApp, parent: top }, fileApp)).toBe(false);
    expect(isTrustedSenderFrame(mainFrame('https://example.com/'), fileApp)).toBe(false);
    expect(isTrustedSenderFrame(mainFrame('http://localhost:5173/'), fileApp)).toBe(false);
    expect(isTrustedSenderFrame(null, fileApp)).toBe(false);
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSenderFrame(destroyed, fileApp)).toBe(false);
  });
});
