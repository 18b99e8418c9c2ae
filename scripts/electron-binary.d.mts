/** The installed Electron executable, or null when the binary has not been downloaded. */
export function electronBinaryPath(): string | null;
export const ELECTRON_MISSING_MESSAGE: string;
