import { describe, expect, it } from 'vitest';
import { groupLicences, isUsable, licenceStatusView } from './licence-status';

describe('licenceStatusView', () => {
  it('gives every status a tone, an icon and a label key', () => {
    expect(licenceStatusView('VALID')).toEqual({ tone: 'success', icon: 'check', labelKey: 'status.VALID' });
    expect(licenceStatusView('SUSPENDED')).toEqual({
      tone: 'paused',
      icon: 'pause',
      labelKey: 'status.SUSPENDED',
    });
    expect(licenceStatusView('REVOKED')).toEqual({
      tone: 'danger',
      icon: 'stop',
      labelKey: 'status.REVOKED',
    });
    expect(licenceStatusView('EXPIRED')).toEqual({
      tone: 'neutral',
      icon: 'clock',
      labelKey: 'status.EXPIRED',
    });
  });

  it('shows a status it does not know as not in force rather than as valid', () => {
    const view = licenceStatusView('LOST' as never);
    expect(view.tone).toBe('neutral');
    expect(view.labelKey).toBe('status.EXPIRED');
  });

  it('only a valid licence is usable', () => {
    expect(isUsable('VALID')).toBe(true);
    expect(['SUSPENDED', 'REVOKED', 'EXPIRED'].map((s) => isUsable(s as never))).toEqual([
      false,
      false,
      false,
    ]);
  });
});

describe('groupLicences', () => {
  it('puts licences in force first, keeping the server order, then the rest by status', () => {
    const list = [
      { id: 'a', status: 'REVOKED' as const },
      { id: 'b', status: 'VALID' as const },
      { id: 'c', status: 'EXPIRED' as const },
      { id: 'd', status: 'SUSPENDED' as const },
      { id: 'e', status: 'VALID' as const },
      { id: 'f', status: 'EXPIRED' as const },
    ];
    const { inForce, notInForce } = groupLicences(list);
    expect(inForce.map((l) => l.id)).toEqual(['b', 'e']);
    expect(notInForce.map((l) => l.id)).toEqual(['d', 'c', 'f', 'a']);
  });

  it('handles an empty wallet', () => {
    expect(groupLicences([])).toEqual({ inForce: [], notInForce: [] });
  });
});
