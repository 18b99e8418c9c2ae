import { isAppUrl } from './app-url';

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** An IPC call is trusted only from the main frame of a window showing the app itself. */
export function isTrustedSenderFrame(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame) return false;
  try {
    return frame.parent === null && isAppUrl(frame.url, appUrl);
  } catch {
    // A frame that navigated away or was destroyed mid-call throws on access.
    return false;
  }
}
