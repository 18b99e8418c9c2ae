import { sha256Hex } from '../crypto/sha256';

/** The commitment a wave publishes when it opens (DESIGN 3.3): `sha256_hex(seed)` of the seed's UTF-8 bytes. */
export function seedCommitment(seed: string): string {
  return sha256Hex(seed);
}

/** Whether `seed` hashes to `commitment`; the commitment may be written in upper or lower case. */
export function verifySeed(seed: string, commitment: string): boolean {
  return seedCommitment(seed) === commitment.trim().toLowerCase();
}
