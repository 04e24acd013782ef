import { signInternalIdentity, type Viewer } from '@bianmin/kit';

/** Who a licence is issued to, as identity knows them (document details unmasked). */
export interface Holder {
  name: string;
  idType: string;
  idNumber: string;
  /** `YYYY-MM-DD`, or null when identity has none. */
  dateOfBirth: string | null;
}

export type HolderLookup = { ok: true; holder: Holder | null } | { ok: false };

/** The identity domain, seen from licences: the person a licence is for. */
export interface HolderDirectory {
  holderOf(personId: string): Promise<HolderLookup>;
}

/**
 * The licences service's own identity towards identity: not a person's account, and a role
 * (`system:licences`) no account can hold; identity's `personForIssuance` answers only it, and
 * records every read in the person's access log.
 */
export const LICENCES_SYSTEM_VIEWER: Viewer = {
  accountId: 'system:licences',
  roles: ['system:licences'],
};

const QUERY = `query ($id: ID!) { personForIssuance(personId: $id) { name idType idNumber dateOfBirth } }`;

/**
 * Identity's GraphQL API, called directly (not through the gateway) with the internal identity
 * header for the system viewer. Any failure is `{ ok: false }`: the caller does not guess.
 */
export function identityHolderDirectory(options: {
  url: string;
  internalSecret: string;
  timeoutMs?: number;
}): HolderDirectory {
  return {
    async holderOf(personId) {
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            'x-bianmin-identity': signInternalIdentity(LICENCES_SYSTEM_VIEWER, options.internalSecret),
          },
          body: JSON.stringify({ query: QUERY, variables: { id: personId } }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        if (!response.ok) return { ok: false };
        const body = (await response.json()) as {
          data?: { personForIssuance: Holder | null } | null;
          errors?: unknown[];
        };
        if (body.errors?.length || !body.data) return { ok: false };
        const person = body.data.personForIssuance;
        return {
          ok: true,
          holder: person
            ? {
                name: person.name,
                idType: person.idType,
                idNumber: person.idNumber,
                dateOfBirth: person.dateOfBirth ?? null,
              }
            : null,
        };
      } catch {
        return { ok: false };
      }
    },
  };
}

/** A fixed directory (tests, demo data): `down` makes it unavailable. */
export function staticHolderDirectory(people: Record<string, Holder>) {
  const state = { down: false, people };
  const directory: HolderDirectory = {
    async holderOf(personId) {
      if (state.down) return { ok: false };
      return { ok: true, holder: state.people[personId] ?? null };
    },
  };
  return { state, directory };
}
