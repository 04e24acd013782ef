import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, IDENTITY_HEADER, verifyInternalIdentity, type Identity } from '@bianmin/kit';
import { gatherSections, parseExportSources } from '../src/modules/data-export/export-sources.js';

const SECRET = 'test-internal-secret-of-at-least-32-characters';
const PERSON: Identity = { accountId: 'a-1', personId: 'p-1', roles: ['resident'] };
const log = createLogger('test', 'silent');

// A real HTTP server standing in for another domain: it answers only for the identity it is sent.
let server: Server;
let url: string;
const seen: (Identity | null)[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const header = req.headers[IDENTITY_HEADER];
    const verified = typeof header === 'string' ? verifyInternalIdentity(header, SECRET) : null;
    seen.push(verified?.ok ? verified.identity : null);
    const section = verified?.ok
      ? JSON.stringify({
          source: 'affairs',
          version: 1,
          data: { applications: [{ personId: verified.identity.personId }] },
        })
      : null;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { myAffairsDataExport: section } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('other domains’ sections of “download my data”', () => {
  it('reads the DATA_EXPORT_SOURCES setting and refuses what it cannot read', () => {
    expect(parseExportSources('affairs=http://127.0.0.1:4003/graphql#myAffairsDataExport')).toEqual([
      { name: 'affairs', url: 'http://127.0.0.1:4003/graphql', field: 'myAffairsDataExport' },
    ]);
    expect(parseExportSources(undefined)).toEqual([]);
    expect(() => parseExportSources('affairs=http://x/graphql#{ evil }')).toThrow(/DATA_EXPORT_SOURCES/);
  });

  it('asks each domain as the person, and marks a domain that does not answer as unavailable', async () => {
    const sections = await gatherSections(
      [
        { name: 'affairs', url, field: 'myAffairsDataExport' },
        { name: 'booking', url: 'http://127.0.0.1:9/graphql', field: 'myBookingDataExport' },
      ],
      PERSON,
      SECRET,
      log,
      2000,
    );
    expect(sections[0]).toEqual({
      source: 'affairs',
      version: 1,
      data: { applications: [{ personId: 'p-1' }] },
    });
    expect(sections[1]).toMatchObject({ source: 'booking', unavailable: true });
    expect(seen.at(-1)).toMatchObject({ accountId: 'a-1', personId: 'p-1', roles: ['resident'] });
  });

  it('does not take a section that claims to be another domain’s', async () => {
    const [section] = await gatherSections(
      [{ name: 'ledger', url, field: 'myAffairsDataExport' }],
      PERSON,
      SECRET,
      log,
    );
    expect(section).toMatchObject({ source: 'ledger', unavailable: true });
  });
});
