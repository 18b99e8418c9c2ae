import type { z } from 'zod';
import { applicantsMethods } from './applicants';
import { auditMethods } from './audit';
import { catalogMethods } from './catalog';
import { authMethods } from './auth';
import { demoMethods } from './demo';
import { invoicesMethods } from './invoices';
import { jobsMethods } from './jobs';
import { screeningMethods } from './screening';
import { systemMethods } from './system';
import { usersMethods } from './users';
import { wavesMethods } from './waves';

/** The whole API: every area's method map merged into one contract. */
export const contract = {
  ...systemMethods,
  ...authMethods,
  ...usersMethods,
  ...auditMethods,
  ...jobsMethods,
  ...applicantsMethods,
  ...screeningMethods,
  ...demoMethods,
  ...wavesMethods,
  ...catalogMethods,
  ...invoicesMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
