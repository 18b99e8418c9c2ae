import { keyFromHash52, weightOf, type KeyedColumns } from '../../../shared/selection';
import type { PoolRegister } from '../screening/read-register';

/** The pool members as the ranking and the proof take them, in member order. */
export interface KeyedPool extends KeyedColumns {
  weights: Float64Array;
}

/** Weights and keys (DESIGN 3.3) of the pool members, from the x of every registration (`hashes`, in register order). */
export function keyPool(members: Uint32Array, register: PoolRegister, hashes: Float64Array, weights: Record<string, number>): KeyedPool {
  const m = members.length;
  const registrationIds: string[] = new Array(m);
  const provinceCodes: string[] = new Array(m);
  const weightColumn = new Float64Array(m);
  const keys = new Float64Array(m);
  const byStatus = new Map<string, number>();
  for (let k = 0; k < m; k++) {
    const i = members[k]!;
    const status = register.employmentStatus[i]!;
    let weight = byStatus.get(status);
    if (weight === undefined) byStatus.set(status, (weight = weightOf(weights, status)));
    registrationIds[k] = register.columns.registration_id[i]!;
    provinceCodes[k] = register.provinceCode[i]!;
    weightColumn[k] = weight;
    keys[k] = keyFromHash52(hashes[i]!, weight);
  }
  return { registrationIds, provinceCodes, weights: weightColumn, keys };
}
