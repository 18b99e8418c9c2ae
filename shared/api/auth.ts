import { z } from 'zod';
import { ROLES } from '../roles';
import { method } from './define';
import { Empty, Ok } from './common';

export const Username = z
  .string()
  .trim()
  .min(3, 'Nama pengguna minimal 3 karakter')
  .max(32, 'Nama pengguna maksimal 32 karakter')
  .regex(/^[a-z0-9._-]+$/, 'Nama pengguna hanya huruf kecil, angka, titik, garis bawah atau tanda hubung');
export const Password = z.string().min(10, 'Kata sandi minimal 10 karakter').max(256);
export const RoleSchema = z.enum(ROLES);

export const SessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  locale: z.enum(['id', 'en']),
});
export type SessionUser = z.infer<typeof SessionUser>;

const LoginResult = z.object({ token: z.string(), expiresAt: z.string(), user: SessionUser });

export const authMethods = {
  /** First run only: creates the first admin and logs them in. Refused once any user exists. */
  'auth.setup': method({
    input: z.object({ username: Username, displayName: z.string().trim().min(1).max(80), password: Password }),
    output: LoginResult,
    access: 'public',
    mutates: true,
  }),
  'auth.login': method({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
    output: LoginResult,
    access: 'public',
    mutates: true,
  }),
  'auth.logout': method({ input: Empty, output: Ok, access: 'authenticated', mutates: true }),
  'auth.me': method({ input: Empty, output: SessionUser, access: 'authenticated', mutates: false }),
  'auth.changePassword': method({
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password }),
    output: Ok,
    access: 'authenticated',
    mutates: true,
  }),
  'auth.setLocale': method({
    input: z.object({ locale: z.enum(['id', 'en']) }),
    output: Ok,
    access: 'authenticated',
    mutates: true,
  }),
};
