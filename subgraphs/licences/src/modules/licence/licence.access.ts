import type { Viewer } from '@bianmin/kit';
import type { Licence } from './licence.entity.js';

/**
 * Who may manage licences of an authority: `licence-issuer` staff of that department, and
 * administrators who passed a second factor. Everyone else reads only their own licences.
 */
export function canManage(viewer: Viewer, authorityCode: string): boolean {
  if (viewer.roles.includes('administrator') && viewer.mfa === true) return true;
  return (
    viewer.roles.includes('licence-issuer') &&
    Boolean(viewer.department) &&
    viewer.department === authorityCode
  );
}

export const isHolder = (viewer: Viewer, licence: Pick<Licence, 'holderPersonId'>) =>
  Boolean(viewer.personId) && viewer.personId === licence.holderPersonId;

/** The holder sees everything; managing staff see personal fields masked; anyone else nothing. */
export type LicenceView = 'HOLDER' | 'STAFF';

export function viewOf(viewer: Viewer, licence: Licence): LicenceView | null {
  if (isHolder(viewer, licence)) return 'HOLDER';
  if (canManage(viewer, licence.issuerCode)) return 'STAFF';
  return null;
}
