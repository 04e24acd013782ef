/**
 * The offline verification toolkit (`@bianmin/evidence/verify`): no database, no network.
 * The CLI (`npm run verify -w @bianmin/evidence`) and the witness are built on it.
 */
export { canonicalJson, isCanonicalJson } from './modules/canonical/jcs.js';
export {
  EMPTY_ROOT,
  leafHash,
  nodeHash,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from './modules/merkle/rfc6962.js';
export {
  checkpointText,
  openCheckpoint,
  openNote,
  parseCheckpointText,
  parseVerifierKey,
  type Checkpoint,
  type NoteVerifier,
} from './modules/note/signed-note.js';
export {
  VerificationError,
  verifyCheckpointConsistency,
  verifyEntryInclusion,
  verifiersFrom,
} from './modules/verification/offline.js';
export { httpGraphQL, logClient, type LogClient } from './client/log-client.js';
