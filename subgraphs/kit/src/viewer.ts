import type { IncomingMessage } from 'node:http';

/** Who is asking. Identity (issue 3) replaces the dev header with gateway-verified claims. */
export interface Viewer {
  /** Role names, e.g. `catalog-editor`. Empty for an anonymous resident. */
  roles: string[];
}

export const ANONYMOUS: Viewer = Object.freeze({ roles: [] });

/**
 * Development only: `x-bianmin-dev-roles: catalog-editor` grants roles so the editing operations
 * can be exercised before sign-in exists. Never honoured when NODE_ENV=production.
 */
export const DEV_ROLES_HEADER = 'x-bianmin-dev-roles';

export function viewerFromRequest(req: IncomingMessage | undefined, allowDevRoles: boolean): Viewer {
  if (!allowDevRoles || !req) return ANONYMOUS;
  const raw = req.headers[DEV_ROLES_HEADER];
  if (typeof raw !== 'string' || raw.length === 0) return ANONYMOUS;
  return {
    roles: raw
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean)
      .slice(0, 16),
  };
}

export function hasRole(viewer: Viewer, role: string): boolean {
  return viewer.roles.includes(role);
}
