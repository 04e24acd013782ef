import { signInternalIdentity, type Viewer } from '@bianmin/kit';

/** What instant-approval rules may know about the applicant (no ID number, phone or address). */
export interface ApplicantFacts {
  /** `YYYY-MM-DD`, or null when identity has none on file. */
  birthDate: string | null;
  /** Registered community code (four-level region), or null. */
  regionCode: string | null;
}

export type ApplicantLookup = { ok: true; facts: ApplicantFacts } | { ok: false; reason: 'UNAVAILABLE' };

/** The identity domain, seen from affairs: the applicant's own facts, read on their behalf. */
export interface ApplicantDirectory {
  factsOf(viewer: Viewer): Promise<ApplicantLookup>;
}

const FACTS_QUERY = `query AffairsApplicantFacts { me { person { id dateOfBirth communityCode } } }`;

/**
 * Reads `me { person { dateOfBirth communityCode } }` from the identity subgraph AS the applicant:
 * the request carries the applicant's own identity (the internal header the gateway would have
 * signed), so identity applies its own rules — a person may read their own record — and affairs
 * gains no privilege. Any failure reads as UNAVAILABLE, and the rules that need these facts then
 * send the application to a person instead of approving it.
 */
export function identityApplicantDirectory(options: {
  url: string;
  internalSecret: string;
  timeoutMs?: number;
}): ApplicantDirectory {
  return {
    async factsOf(viewer) {
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            'x-bianmin-identity': signInternalIdentity(viewer, options.internalSecret),
          },
          body: JSON.stringify({ query: FACTS_QUERY }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
        });
        if (!response.ok) return { ok: false, reason: 'UNAVAILABLE' };
        const body = (await response.json()) as {
          data?: {
            me: {
              person: { id: string; dateOfBirth: string | null; communityCode: string | null } | null;
            } | null;
          };
          errors?: unknown[];
        };
        const person = body.data?.me?.person;
        if (body.errors?.length || !person || person.id !== viewer.personId)
          return { ok: false, reason: 'UNAVAILABLE' };
        return { ok: true, facts: { birthDate: person.dateOfBirth, regionCode: person.communityCode } };
      } catch {
        return { ok: false, reason: 'UNAVAILABLE' };
      }
    },
  };
}
