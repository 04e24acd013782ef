/**
 * Electronic licences (电子证照) an applicant holds, as affairs needs them for 零材料 materials and
 * for instant-approval rules. The licences domain will own these (a later issue); until it
 * exists, `interimLicenceDirectory` stands in for it, and nothing else in affairs knows.
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
  /** The person's licences of these types (all statuses: a rule must be able to say "expired"). */
  licencesOf(personId: string, typeCodes: readonly string[]): Promise<LicenceLookup>;
}

/**
 * INTERIM, until the licences domain lands: every person holds a valid 居民身份证 electronic
 * licence (identity verified their ID number at sign-up) and nothing else, plus the `extra`
 * licences given here (tests and the demo use them to model other holdings). Licence ids are
 * derived from person and type so they are stable across calls.
 */
export function interimLicenceDirectory(
  extra: (personId: string) => HeldLicence[] = () => [],
): LicenceDirectory {
  return {
    async licencesOf(personId, typeCodes) {
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
