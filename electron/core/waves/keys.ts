import { selectionKeyer, weightOf, type KeyedRow } from '../../../shared/selection';
import type { PoolRegister } from './read-register';

/** The pool members with their weights and keys (DESIGN 3.3), in member order. */
export function keyPool(members: Uint32Array, register: PoolRegister, weights: Record<string, number>, seed: string, onChunk?: (done: number, total: number) => void): KeyedRow[] {
  const keyOf = selectionKeyer(seed);
  const m = members.length;
  const keyed: KeyedRow[] = new Array(m);
  for (let k = 0; k < m; k++) {
    const i = members[k]!;
    const registrationId = register.columns.registration_id[i]!;
    const weight = weightOf(weights, register.employmentStatus[i]!);
    keyed[k] = { registrationId, provinceCode: register.provinceCode[i]!, weight, key: keyOf(registrationId, weight) };
    if ((k & 0xffff) === 0xffff) onChunk?.(k + 1, m);
  }
  return keyed;
}
