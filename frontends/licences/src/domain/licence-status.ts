import type { LicenceStatus } from '../graphql/types';

/**
 * How a licence's status looks. The tone picks the colour family (text at 4.5:1 or better on its
 * tint) and the icon; the words come from the locales (`status.<STATUS>`), so colour is never the
 * only signal.
 */
export type StatusTone = 'success' | 'paused' | 'danger' | 'neutral';
export type StatusIcon = 'check' | 'pause' | 'stop' | 'clock';

export interface StatusView {
  tone: StatusTone;
  icon: StatusIcon;
  /** i18n key of the status's name. */
  labelKey: `status.${LicenceStatus}`;
}

const VIEWS: Record<LicenceStatus, Omit<StatusView, 'labelKey'>> = {
  VALID: { tone: 'success', icon: 'check' },
  SUSPENDED: { tone: 'paused', icon: 'pause' },
  REVOKED: { tone: 'danger', icon: 'stop' },
  EXPIRED: { tone: 'neutral', icon: 'clock' },
};

export function licenceStatusView(status: LicenceStatus): StatusView {
  const view = VIEWS[status] ?? VIEWS.EXPIRED;
  return { ...view, labelKey: `status.${status in VIEWS ? status : 'EXPIRED'}` as StatusView['labelKey'] };
}

/** A licence the holder can use today: show, share. */
export function isUsable(status: LicenceStatus): boolean {
  return status === 'VALID';
}

/**
 * The wallet in two groups: licences in force first, then those that are suspended, expired or
 * revoked (still there, so the holder sees why a counter refused one). Within a group the server's
 * order (newest first) is kept; the second group is ordered by how recoverable the status is
 * (suspended can be reinstated, expired renewed, revoked not).
 */
export function groupLicences<T extends { status: LicenceStatus }>(licences: readonly T[]) {
  const rank: Record<LicenceStatus, number> = { VALID: 0, SUSPENDED: 1, EXPIRED: 2, REVOKED: 3 };
  const inForce = licences.filter((l) => isUsable(l.status));
  const notInForce = licences
    .map((licence, index) => ({ licence, index }))
    .filter(({ licence }) => !isUsable(licence.status))
    .sort((a, b) => (rank[a.licence.status] ?? 9) - (rank[b.licence.status] ?? 9) || a.index - b.index)
    .map(({ licence }) => licence);
  return { inForce, notInForce };
}
