import { describe, expect, it } from 'vitest';
import type { ApiClientRow } from '../identity/operations';
import { isPartnerDeveloper, sortClients, validClientName } from './api-clients';

const row = (clientId: string, revokedAt: string | null = null): ApiClientRow => ({
  clientId,
  name: clientId,
  scopes: ['catalog:read'],
  rateLimitPerMinute: 600,
  createdAt: '2026-11-29T00:00:00.000Z',
  lastUsedAt: null,
  usageCount: 0,
  previousSecretExpiresAt: null,
  revokedAt,
});

describe('developer page helpers', () => {
  it('offers the page to partner developers only', () => {
    expect(isPartnerDeveloper(['partner-developer'])).toBe(true);
    expect(isPartnerDeveloper(['resident'])).toBe(false);
    expect(isPartnerDeveloper(undefined)).toBe(false);
  });

  it('lists active clients before revoked ones, keeping their order', () => {
    const sorted = sortClients([row('a', '2026-11-29T01:00:00.000Z'), row('b'), row('c')]);
    expect(sorted.map((r) => r.clientId)).toEqual(['b', 'c', 'a']);
  });

  it('checks the client name length', () => {
    expect(validClientName('  ')).toBe(false);
    expect(validClientName('云湖出行')).toBe(true);
    expect(validClientName('x'.repeat(65))).toBe(false);
  });
});
