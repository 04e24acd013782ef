import type { VerificationStatus } from '../graphql/types';

/**
 * How a verdict looks on /verify: one big, unambiguous answer with an icon, a colour AND words
 * (`verdict.<STATUS>`), never colour alone. Only VALID may be relied on; every other verdict says
 * what to do instead (`verdictAdvice.<STATUS>`).
 */
export type VerdictTone = 'valid' | 'warning' | 'invalid';
export type VerdictIcon = 'check' | 'cross' | 'stop' | 'pause' | 'clock' | 'question';

export interface VerdictView {
  tone: VerdictTone;
  icon: VerdictIcon;
  /** True only for VALID: the licence is genuine and in force. */
  trustworthy: boolean;
  labelKey: `verdict.${VerificationStatus}`;
  adviceKey: `verdictAdvice.${VerificationStatus}`;
}

const VIEWS: Record<VerificationStatus, { tone: VerdictTone; icon: VerdictIcon }> = {
  VALID: { tone: 'valid', icon: 'check' },
  REVOKED: { tone: 'invalid', icon: 'stop' },
  SUSPENDED: { tone: 'warning', icon: 'pause' },
  EXPIRED: { tone: 'invalid', icon: 'clock' },
  NOT_YET_VALID: { tone: 'warning', icon: 'clock' },
  TAMPERED: { tone: 'invalid', icon: 'cross' },
  UNKNOWN_ISSUER: { tone: 'invalid', icon: 'question' },
  STATUS_UNAVAILABLE: { tone: 'warning', icon: 'question' },
  EXPIRED_PRESENTATION: { tone: 'warning', icon: 'clock' },
};

export const VERIFICATION_STATUSES = Object.keys(VIEWS) as VerificationStatus[];

export function verdictView(status: VerificationStatus): VerdictView {
  // A verdict this page does not know yet is not a reason to say "valid".
  const known: VerificationStatus = status in VIEWS ? status : 'TAMPERED';
  return {
    ...VIEWS[known],
    trustworthy: known === 'VALID',
    labelKey: `verdict.${known}`,
    adviceKey: `verdictAdvice.${known}`,
  };
}

/** The checks the API makes, in its order; each has a name in the locales (`checks.<CHECK>`). */
export const KNOWN_CHECKS = [
  'PRESENTATION',
  'WELL_FORMED',
  'ISSUER_KNOWN',
  'PROOF',
  'VALIDITY_PERIOD',
  'STATUS',
] as const;

export type KnownCheck = (typeof KNOWN_CHECKS)[number];

export function isKnownCheck(check: string): check is KnownCheck {
  return (KNOWN_CHECKS as readonly string[]).includes(check);
}

/** The API's limit on a pasted credential (`verifyCredential`). */
export const MAX_CREDENTIAL_CHARS = 64_000;

/** A presentation token from the page's query string (`/verify?p=<token>`), or null. */
export function presentationTokenFrom(search: string): string | null {
  const token = new URLSearchParams(search).get('p')?.trim() ?? '';
  // Tokens are 50 characters; anything far longer is not one and need not be sent.
  return token && token.length <= 200 ? token : null;
}

/**
 * What was pasted into the box: a credential (JSON text — the server judges whether it is well
 * formed; a broken one reads 被篡改 like any other change), a verification link copied from a
 * QR code (verified as that presentation), or nothing usable.
 */
export type PastedInput =
  | { kind: 'empty' }
  | { kind: 'tooLong' }
  | { kind: 'link'; token: string }
  | { kind: 'credential'; text: string };

export function classifyPastedInput(raw: string): PastedInput {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  if (text.length > MAX_CREDENTIAL_CHARS) return { kind: 'tooLong' };
  if (/^https?:\/\/\S+$/i.test(text)) {
    try {
      const url = new URL(text);
      const token = url.pathname.replace(/\/+$/, '').endsWith('/verify')
        ? presentationTokenFrom(url.search)
        : null;
      if (token) return { kind: 'link', token };
    } catch {
      // not a URL after all: the server will say what it is
    }
  }
  return { kind: 'credential', text };
}
