export { seedCommitment, verifySeed } from './commitment';
export { keyFromHash52, selectionHasher, selectionHasherOfRange, selectionKeyer, weightOf, invalidWeights, type Weights } from './keys';
export { largestRemainderQuotas, explicitQuotas, provinceQuotas, isExplicit, compareCodes, type QuotaSpec } from './quotas';
export {
  compareRank,
  rankByKeys,
  rankColumns,
  selectByKeys,
  selectWave,
  type KeyedColumns,
  type KeyedRow,
  type PoolMember,
  type Ranking,
  type SelectionSummary,
  type ProvinceOutcome,
  type RankedRow,
  type SelectionInput,
  type SelectionResult,
} from './select';
export {
  PROOF_COLUMNS,
  parseProofCsv,
  proofLine,
  readProofRecord,
  verifyProof,
  writeProofRows,
  type ProofCheckOptions,
  type ProofMismatch,
  type ProofMismatchField,
  type ProofProblem,
  type ProofRow,
  type ProofVerification,
} from './proof';
