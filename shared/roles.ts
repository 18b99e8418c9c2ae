export const ROLES = ['admin', 'reviewer', 'finance', 'manager'] as const;
export type Role = (typeof ROLES)[number];
/** Who may call a method: a list of roles, 'authenticated' (any logged-in user) or 'public' (no session needed). */
export type Access = readonly Role[] | 'authenticated' | 'public';
