import type { z } from 'zod';
import type { Access } from '../roles';

/**
 * One API method: its input and output schemas and who may call it.
 * `mutates` methods run inside one write transaction together with their audit record.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  mutates: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}
