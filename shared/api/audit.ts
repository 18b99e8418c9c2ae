import { z } from 'zod';
import { method } from './define';
import { IsoDate, PageQuery, pageOf } from './common';

export const AuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const auditMethods = {
  'audit.list': method({
    input: PageQuery.extend({
      username: z.string().max(64).optional(),
      action: z.string().max(64).optional(),
      entity: z.string().max(64).optional(),
      entityId: z.string().max(64).optional(),
      from: IsoDate.optional(),
      to: IsoDate.optional(),
    }),
    output: pageOf(AuditRow),
    access: ['admin', 'manager'],
    mutates: false,
  }),
};
