/** Login and session limits, in one place so tests and docs agree. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const SESSION_IDLE_MINUTES = 60;
export const SESSION_MAX_HOURS = 12;
