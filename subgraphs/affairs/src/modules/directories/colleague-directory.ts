import { signInternalIdentity, type Viewer } from '@bianmin/kit';

/** A member of staff of the caller's department, as identity lists them. */
export interface Colleague {
  accountId: string;
  roles: string[];
  active: boolean;
}

export type ColleagueLookup = { ok: true; colleagues: Colleague[] } | { ok: false; reason: 'UNAVAILABLE' };

/** The identity domain, seen from affairs: who works in the caller's department. */
export interface ColleagueDirectory {
  colleaguesOf(viewer: Viewer): Promise<ColleagueLookup>;
}

const COLLEAGUES_QUERY = `query AffairsColleagues { departmentColleagues { accountId roles active } }`;

/**
 * Reads identity's `departmentColleagues` AS the caller (the internal header the gateway would
 * have signed), so identity decides whom the caller may see and affairs gains no privilege: a
 * supervisor can only ever assign to someone identity lists as their colleague. Any failure reads
 * as UNAVAILABLE and the assignment is refused rather than guessed.
 */
export function identityColleagueDirectory(options: {
  url: string;
  internalSecret: string;
  timeoutMs?: number;
}): ColleagueDirectory {
  return {
    async colleaguesOf(viewer) {
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'apollo-require-preflight': 'true',
            'x-bianmin-identity': signInternalIdentity(viewer, options.internalSecret),
          },
          body: JSON.stringify({ query: COLLEAGUES_QUERY }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
        });
        if (!response.ok) return { ok: false, reason: 'UNAVAILABLE' };
        const body = (await response.json()) as {
          data?: { departmentColleagues: Colleague[] | null } | null;
          errors?: unknown[];
        };
        const colleagues = body.data?.departmentColleagues;
        if (body.errors?.length || !Array.isArray(colleagues)) return { ok: false, reason: 'UNAVAILABLE' };
        return { ok: true, colleagues };
      } catch {
        return { ok: false, reason: 'UNAVAILABLE' };
      }
    },
  };
}

/** A fixed list per department, for tests and for running affairs without identity. */
export function staticColleagueDirectory(byDepartment: Record<string, Colleague[]>): ColleagueDirectory {
  return {
    colleaguesOf: async (viewer) => ({
      ok: true,
      colleagues: viewer.department ? (byDepartment[viewer.department] ?? []) : [],
    }),
  };
}
