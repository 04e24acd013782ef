import { signInternalIdentity, type Viewer } from '@bianmin/kit';

/**
 * Electronic licences (电子证照) an applicant holds, as affairs needs them for 零材料 materials and
 * for instant-approval rules. The licences domain owns them: `licencesServiceDirectory` asks it
 * as the applicant. `interimLicenceDirectory` is a fixed stand-in for tests and for running
 * affairs without the licences service.
 */
export interface HeldLicence {
  licenceId: string;
  typeCode: string;
  status: 'VALID' | 'EXPIRED' | 'REVOKED' | 'SUSPENDED';
  /** Civil date `YYYY-MM-DD`, or null when it does not expire. */
  validUntil: string | null;
}

export type LicenceLookup = { ok: true; licences: HeldLicence[] } | { ok: false; reason: 'UNAVAILABLE' };

export interface LicenceDirectory {
  /**
   * The applicant's own licences of these types (all statuses: a rule must be able to say
   * "expired"), asked as the applicant (`viewer` is the applicant's identity).
   */
  licencesOf(viewer: Viewer, typeCodes: readonly string[]): Promise<LicenceLookup>;
}

const HELD_QUERY = `query AffairsHeldLicences($types: [String!]!) {
  licencesOfHolder(typeCodes: $types) { licenceId typeCode status validUntil }
}`;

/**
 * The licences service's `licencesOfHolder`, asked AS the applicant (the internal header the
 * gateway would have signed): the licences domain answers for the caller only, so affairs sees
 * nobody else's licences and gains no privilege. Any failure reads as UNAVAILABLE: 零材料 then
 * asks the applicant to upload, and rules that need licences go to a person.
 */
export function licencesServiceDirectory(options: {
  url: string;
  internalSecret: string;
  timeoutMs?: number;
}): LicenceDirectory {
  return {
    async licencesOf(viewer, typeCodes) {
      if (typeCodes.length === 0) return { ok: true, licences: [] };
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            'x-bianmin-identity': signInternalIdentity(viewer, options.internalSecret),
          },
          body: JSON.stringify({ query: HELD_QUERY, variables: { types: [...new Set(typeCodes)] } }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
        });
        if (!response.ok) return { ok: false, reason: 'UNAVAILABLE' };
        const body = (await response.json()) as {
          data?: { licencesOfHolder: HeldLicence[] | null } | null;
          errors?: unknown[];
        };
        const held = body.data?.licencesOfHolder;
        if (body.errors?.length || !Array.isArray(held)) return { ok: false, reason: 'UNAVAILABLE' };
        return { ok: true, licences: held.filter((l) => typeCodes.includes(l.typeCode)) };
      } catch {
        return { ok: false, reason: 'UNAVAILABLE' };
      }
    },
  };
}

/**
 * A fixed stand-in for the licences service (tests, and affairs run without it): every person
 * holds a valid 居民身份证 electronic licence and nothing else, plus the `extra` licences given
 * here. Licence ids are derived from person and type so they are stable across calls.
 */
export function interimLicenceDirectory(
  extra: (personId: string) => HeldLicence[] = () => [],
): LicenceDirectory {
  return {
    async licencesOf(viewer, typeCodes) {
      const personId = viewer.personId ?? '';
      const held: HeldLicence[] = [
        {
          licenceId: `interim:${personId}:RESIDENT_ID_CARD`,
          typeCode: 'RESIDENT_ID_CARD',
          status: 'VALID',
          validUntil: null,
        },
        ...extra(personId),
      ];
      return { ok: true, licences: held.filter((l) => typeCodes.includes(l.typeCode)) };
    },
  };
}
