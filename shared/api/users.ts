import { z } from 'zod';
import { method } from './define';
import { Ok, PageQuery, pageOf } from './common';
import { Password, RoleSchema, Username } from './auth';

export const UserRow = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type UserRow = z.infer<typeof UserRow>;

const UserId = z.object({ id: z.number().int().positive() });

export const usersMethods = {
  'users.list': method({
    input: PageQuery.extend({ search: z.string().max(64).optional(), includeInactive: z.boolean().default(true) }),
    output: pageOf(UserRow),
    access: ['admin'],
    mutates: false,
  }),
  'users.create': method({
    input: z.object({ username: Username, displayName: z.string().trim().min(1).max(80), role: RoleSchema, password: Password }),
    output: UserRow,
    access: ['admin'],
    mutates: true,
  }),
  'users.setRole': method({ input: UserId.extend({ role: RoleSchema }), output: UserRow, access: ['admin'], mutates: true }),
  'users.resetPassword': method({ input: UserId.extend({ password: Password }), output: Ok, access: ['admin'], mutates: true }),
  'users.setActive': method({ input: UserId.extend({ active: z.boolean() }), output: UserRow, access: ['admin'], mutates: true }),
};
