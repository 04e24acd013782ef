import type { KeyObject } from 'node:crypto';
import { verifyProof, type JsonObject } from '../credential/data-integrity.js';
import type { KeyResolver } from '../credential/did.js';
import { LICENCE_CREDENTIAL_TYPE, VC_V2_CONTEXT } from '../credential/licence-credential.js';
import type { Bitstring } from '../status-list/bitstring.js';
import { bitstringOf, type StatusListClient } from '../status-list/status-list.client.js';

export type VerificationStatus =
  | 'VALID'
  | 'REVOKED'
  | 'SUSPENDED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'TAMPERED'
  | 'UNKNOWN_ISSUER'
  | 'STATUS_UNAVAILABLE';

export type CheckName = 'WELL_FORMED' | 'ISSUER_KNOWN' | 'PROOF' | 'VALIDITY_PERIOD' | 'STATUS';

export interface Check {
  check: CheckName;
  passed: boolean;
  detail: string;
}

export interface Verification {
  status: VerificationStatus;
  checks: Check[];
  /** The credential as parsed, once its proof verified (null otherwise). */
  credential: JsonObject | null;
}

export interface VerifierDeps {
  resolver: KeyResolver;
  statusLists: StatusListClient;
  /** Issuer DIDs whose licences we accept: ours first, then TRUSTED_ISSUERS. */
  trustedIssuers: readonly string[];
  now: () => number;
}

/** Credentials are small; anything larger is refused before parsing. */
export const MAX_CREDENTIAL_CHARS = 64_000;

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const issuerOf = (c: JsonObject): string | null =>
  typeof c.issuer === 'string'
    ? c.issuer
    : isObject(c.issuer) && typeof c.issuer.id === 'string'
      ? c.issuer.id
      : null;

/** VC Data Model 2.0 shape checks (§4): what must hold before anything else is looked at. */
function wellFormed(credential: unknown): string | null {
  if (!isObject(credential)) return 'not a JSON object';
  const contexts = asList(credential['@context']);
  if (contexts[0] !== VC_V2_CONTEXT) return `@context must start with ${VC_V2_CONTEXT}`;
  const types = asList(credential.type);
  if (!types.includes('VerifiableCredential')) return 'type must include VerifiableCredential';
  if (!issuerOf(credential)) return 'issuer is missing';
  if (!isObject(credential.credentialSubject) && !Array.isArray(credential.credentialSubject))
    return 'credentialSubject is missing';
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = credential[field];
    if (
      value !== undefined &&
      (typeof value !== 'string' || !DATETIME.test(value) || Number.isNaN(Date.parse(value)))
    )
      return `${field} is not a dateTimeStamp`;
  }
  for (const entry of asList(credential.credentialStatus)) {
    if (!isObject(entry)) return 'credentialStatus entries must be objects';
    if (entry.type === 'BitstringStatusListEntry') {
      if (
        typeof entry.statusListCredential !== 'string' ||
        !/^\d+$/.test(String(entry.statusListIndex ?? ''))
      )
        return 'a BitstringStatusListEntry needs statusListCredential and a numeric statusListIndex';
    }
  }
  if (!isObject(credential.proof)) return 'proof is missing';
  return null;
}

interface VerifiedList {
  issuer: string;
  purpose: string;
  bits: Bitstring;
  validUntil: number | null;
}

/**
 * Verifies credentials and the status lists they point at. Parsed status lists whose proof
 * verified are remembered per fetched object, so a cached list is checked once, not per licence.
 */
export function createVerifier(deps: VerifierDeps) {
  const verifiedLists = new WeakMap<object, VerifiedList | { problem: string }>();

  const keyFor = async (issuer: string, vm: string): Promise<KeyObject | null> =>
    vm.startsWith(`${issuer}#`) ? deps.resolver.keyFor(issuer, vm) : null;

  /** Verify a proof whose key must be resolved asynchronously, through the synchronous core. */
  async function proofOf(document: JsonObject, issuer: string) {
    const vm = isObject(document.proof) ? document.proof.verificationMethod : undefined;
    const key = typeof vm === 'string' ? await keyFor(issuer, vm) : null;
    return verifyProof(document, (m) => (m === vm ? key : null));
  }

  async function listFor(
    url: string,
    issuer: string,
    purpose: string,
  ): Promise<VerifiedList | { problem: string }> {
    const fetched = await deps.statusLists.get(url);
    if (!fetched.ok) return { problem: fetched.detail };
    let verified = verifiedLists.get(fetched.credential);
    if (!verified) {
      verified = await verifyList(fetched.credential, url);
      verifiedLists.set(fetched.credential, verified);
    }
    if ('problem' in verified) return verified;
    if (verified.issuer !== issuer) return { problem: 'the status list has another issuer' };
    if (verified.purpose !== purpose) return { problem: `the status list is not for ${purpose}` };
    if (verified.validUntil !== null && verified.validUntil < deps.now())
      return { problem: 'the status list has expired' };
    return verified;
  }

  async function verifyList(list: JsonObject, url: string): Promise<VerifiedList | { problem: string }> {
    const issuer = issuerOf(list);
    const subject = list.credentialSubject;
    if (!issuer || !isObject(subject) || !asList(list.type).includes('BitstringStatusListCredential'))
      return { problem: 'not a BitstringStatusListCredential' };
    if (list.id !== undefined && list.id !== url) return { problem: 'the status list names another URL' };
    const proof = await proofOf(list, issuer);
    if (!proof.verified) return { problem: `the status list's proof fails: ${proof.detail}` };
    const bits = bitstringOf(list);
    if (!bits) return { problem: 'the status list cannot be decoded' };
    return {
      issuer,
      purpose: String(subject.statusPurpose),
      bits,
      validUntil: typeof list.validUntil === 'string' ? Date.parse(list.validUntil) : null,
    };
  }

  async function verifyParsed(credential: unknown): Promise<Verification> {
    const checks: Check[] = [];
    const malformed = wellFormed(credential);
    checks.push({
      check: 'WELL_FORMED',
      passed: !malformed,
      detail: malformed ?? 'a VC Data Model 2.0 credential',
    });
    if (malformed) return { status: 'TAMPERED', checks, credential: null };
    const vc = credential as JsonObject;
    const issuer = issuerOf(vc)!;

    const known = deps.trustedIssuers.includes(issuer);
    checks.push({
      check: 'ISSUER_KNOWN',
      passed: known,
      detail: known ? issuer : `${issuer} is not a trusted issuer`,
    });
    if (!known) {
      // Signed with a trusted issuer's key but naming someone else: the issuer was altered.
      const vm = isObject(vc.proof) ? String(vc.proof.verificationMethod ?? '') : '';
      const altered = deps.trustedIssuers.some((trusted) => vm.startsWith(`${trusted}#`));
      return { status: altered ? 'TAMPERED' : 'UNKNOWN_ISSUER', checks, credential: null };
    }

    const proof = await proofOf(vc, issuer);
    checks.push({
      check: 'PROOF',
      passed: proof.verified,
      detail: proof.verified ? `eddsa-jcs-2022, ${proof.proof.verificationMethod}` : proof.detail,
    });
    if (!proof.verified) return { status: 'TAMPERED', checks, credential: null };

    const now = deps.now();
    let periodStatus: VerificationStatus | null = null;
    if (typeof vc.validFrom === 'string' && now < Date.parse(vc.validFrom)) periodStatus = 'NOT_YET_VALID';
    else if (typeof vc.validUntil === 'string' && now > Date.parse(vc.validUntil)) periodStatus = 'EXPIRED';
    checks.push({
      check: 'VALIDITY_PERIOD',
      passed: !periodStatus,
      detail:
        periodStatus === 'NOT_YET_VALID'
          ? `valid from ${String(vc.validFrom)}`
          : periodStatus === 'EXPIRED'
            ? `expired at ${String(vc.validUntil)}`
            : `${String(vc.validFrom ?? '—')} … ${String(vc.validUntil ?? '长期 (no end)')}`,
    });

    let listStatus: VerificationStatus | null = null;
    const notes: string[] = [];
    let statusPassed = true;
    for (const entry of asList(vc.credentialStatus) as JsonObject[]) {
      if (entry.type !== 'BitstringStatusListEntry') {
        notes.push(`unsupported status type ${String(entry.type)}`);
        statusPassed = false;
        listStatus ??= 'STATUS_UNAVAILABLE';
        continue;
      }
      const purpose = String(entry.statusPurpose);
      const list = await listFor(String(entry.statusListCredential), issuer, purpose);
      if ('problem' in list) {
        notes.push(`${purpose}: ${list.problem}`);
        statusPassed = false;
        listStatus ??= 'STATUS_UNAVAILABLE';
        continue;
      }
      const index = Number(entry.statusListIndex);
      if (index >= list.bits.length) {
        notes.push(`${purpose}: index ${index} is outside the list`);
        statusPassed = false;
        listStatus ??= 'STATUS_UNAVAILABLE';
        continue;
      }
      const set = list.bits.get(index);
      notes.push(`${purpose} bit ${index}: ${set ? 1 : 0}`);
      if (set) {
        statusPassed = false;
        if (purpose === 'revocation') listStatus = 'REVOKED';
        else if (purpose === 'suspension' && listStatus !== 'REVOKED') listStatus = 'SUSPENDED';
      }
    }
    checks.push({ check: 'STATUS', passed: statusPassed, detail: notes.join('; ') || 'no status entries' });

    // Revocation says the most, then suspension, then the validity window.
    const status: VerificationStatus =
      listStatus === 'REVOKED' || listStatus === 'SUSPENDED'
        ? listStatus
        : (periodStatus ?? listStatus ?? 'VALID');
    return { status, checks, credential: vc };
  }

  return {
    verifyParsed,
    /** Verify credential text (what a partner pastes or a scanner reads). */
    async verifyText(text: string): Promise<Verification> {
      if (text.length > MAX_CREDENTIAL_CHARS)
        return {
          status: 'TAMPERED',
          checks: [
            { check: 'WELL_FORMED', passed: false, detail: `longer than ${MAX_CREDENTIAL_CHARS} characters` },
          ],
          credential: null,
        };
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return {
          status: 'TAMPERED',
          checks: [{ check: 'WELL_FORMED', passed: false, detail: 'not valid JSON' }],
          credential: null,
        };
      }
      return verifyParsed(parsed);
    },
  };
}
export type Verifier = ReturnType<typeof createVerifier>;

/** Whether a verified credential is one of our licences (its subject carries the licence). */
export const isLicenceCredential = (credential: JsonObject) =>
  asList(credential.type).includes(LICENCE_CREDENTIAL_TYPE) &&
  isObject(credential.credentialSubject) &&
  isObject((credential.credentialSubject as JsonObject).licence);
