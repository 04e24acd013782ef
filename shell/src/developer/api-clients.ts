import type { ApiClientRow } from '../identity/operations';

export const PARTNER_DEVELOPER_ROLE = 'partner-developer';

/** The developer page is offered to accounts holding the partner-developer role. */
export const isPartnerDeveloper = (roles: readonly string[] | undefined): boolean =>
  Boolean(roles?.includes(PARTNER_DEVELOPER_ROLE));

/** Active clients first (newest first, as the server sends them), revoked ones after. */
export function sortClients(rows: readonly ApiClientRow[]): ApiClientRow[] {
  return [...rows.filter((r) => !r.revokedAt), ...rows.filter((r) => r.revokedAt)];
}

/** A client name is 1–64 characters once trimmed (the server checks it too). */
export const validClientName = (name: string): boolean => {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= 64;
};
