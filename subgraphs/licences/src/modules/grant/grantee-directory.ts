/**
 * Whether a grant's department exists: identity owns organizations. A holder must not be able to
 * grant a licence to a code that names no department (a typo would be a dead grant, or worse, a
 * grant to a department created later under that code).
 */
export type DepartmentLookup = 'DEPARTMENT' | 'NOT_A_DEPARTMENT' | 'UNAVAILABLE';

export interface GranteeDirectory {
  department(code: string): Promise<DepartmentLookup>;
}

const QUERY = `query ($code: String!) { organization(code: $code) { code kind } }`;

/** Identity's public `organization(code)`; any failure is UNAVAILABLE (the grant is refused, not guessed). */
export function identityGranteeDirectory(options: { url: string; timeoutMs?: number }): GranteeDirectory {
  return {
    async department(code) {
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify({ query: QUERY, variables: { code } }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
        });
        if (!response.ok) return 'UNAVAILABLE';
        const body = (await response.json()) as {
          data?: { organization: { code: string; kind: string } | null } | null;
          errors?: unknown[];
        };
        if (body.errors?.length || !body.data) return 'UNAVAILABLE';
        return body.data.organization?.kind === 'DEPARTMENT' ? 'DEPARTMENT' : 'NOT_A_DEPARTMENT';
      } catch {
        return 'UNAVAILABLE';
      }
    },
  };
}

/** A fixed list of department codes (tests; running without identity). */
export function staticGranteeDirectory(departments: readonly string[]): GranteeDirectory {
  return { department: async (code) => (departments.includes(code) ? 'DEPARTMENT' : 'NOT_A_DEPARTMENT') };
}
