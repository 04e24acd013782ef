import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessTokenKeyFile,
  createLogger,
  loadOrCreateKeyFile,
  publicJwks,
  signingKeysFrom,
  verifyAccessToken,
  type Identity,
  type KeyFile,
} from '@bianmin/kit';
import { createTestDatabase, testDrivers, type TestDatabase } from '@bianmin/kit/testing';
import { createAffairsOrm, createAffairsSubgraph, type AffairsSubgraph } from '@bianmin/affairs';
import {
  createIdentityOrm,
  createIdentitySubgraph,
  loadSecretBox,
  type IdentitySubgraph,
} from '@bianmin/identity';
import { createLicencesOrm, createLicencesSubgraph, type LicencesSubgraph } from '@bianmin/licences';
import { loadCity, type LoadedCity } from './load/load-city.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The RFC 6238 code an authenticator app shows for `secret` (SHA-1, 6 digits, 30 s) at `at`. */
function totpCode(secret: string, at = Date.now()): string {
  const bits = [...secret].map((c) => BASE32.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[19]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

const AUTH = `ok error { code message } secondFactorRequired challengeToken session { accessToken }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH} } }`;
const SECOND_FACTOR = `mutation ($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { ${AUTH} } }`;
const ME = `{ me { id phone roles department { code } person { id name idNumber communityCode } } }`;
const MY_LICENCES = `{ myLicences(first: 50) { edges { node { typeCode status credential } } } }`;
const VERIFY = `query ($c: String!) { verifyCredential(credential: $c) { status message } }`;
const MY_APPLICATIONS = `{ myApplications(first: 50) { totalCount edges { node { reference state history { action } } } } }`;
const INBOX = `{ applicationInbox(first: 20) { totalCount edges { node { state terms { departmentCode } deadline { status } } } } }`;

interface Auth {
  ok: boolean;
  error: { code: string; message: string } | null;
  secondFactorRequired: boolean;
  challengeToken: string | null;
  session: { accessToken: string } | null;
}

describe.each(testDrivers())('a 500-resident city on %s', (driver) => {
  let db: TestDatabase;
  let dataDir: string;
  let loaded: LoadedCity;
  let keyFile: KeyFile;
  let identity: IdentitySubgraph;
  let licences: LicencesSubgraph;
  let affairs: AffairsSubgraph;
  const log = createLogger('sim-test', 'warn');

  /** Run `query` and fail on any GraphQL error. */
  async function data<T>(
    subgraph: { execute: IdentitySubgraph['execute'] },
    query: string,
    variables: Record<string, unknown> = {},
    viewer?: Identity,
  ): Promise<T> {
    const result = await subgraph.execute<T>(query, variables, viewer);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  }

  /** Sign in through identity's real `signIn` (and TOTP for staff); the identity the gateway would forward. */
  async function signIn(phone: string, password: string, totpSecret?: string): Promise<Identity> {
    let auth = (await data<{ signIn: Auth }>(identity, SIGN_IN, { input: { login: phone, password } }))
      .signIn;
    if (auth.secondFactorRequired) {
      const input = { challengeToken: auth.challengeToken, code: totpCode(totpSecret!) };
      auth = (await data<{ verifySecondFactor: Auth }>(identity, SECOND_FACTOR, { input }))
        .verifySecondFactor;
    }
    expect(auth.error).toBeNull();
    const verified = await verifyAccessToken(publicJwks(keyFile), auth.session!.accessToken);
    if (!verified.ok) throw new Error(verified.detail);
    return verified.identity;
  }

  beforeAll(async () => {
    db = await createTestDatabase(driver);
    dataDir = mkdtempSync(join(tmpdir(), 'bianmin-sim-'));
    const at = { dataDir, databaseUrl: db.databaseUrl };
    loaded = await loadCity({ seed: 11, residents: 500, items: 40, points: 80, ...at });
    // The services, opened on the same data as their index.ts opens it.
    keyFile = await loadOrCreateKeyFile(accessTokenKeyFile(dataDir));
    identity = createIdentitySubgraph({
      orm: await createIdentityOrm(at),
      log,
      signingKeys: await signingKeysFrom(keyFile),
      secretBox: loadSecretBox({ dataDir, production: false }),
    });
    licences = createLicencesSubgraph({ orm: await createLicencesOrm(at), log, dataDir });
    affairs = createAffairsSubgraph({ orm: await createAffairsOrm(at), log, dataDir });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([identity?.stop(0), licences?.stop(0), affairs?.stop(0)]);
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads every part and says how long each took', () => {
    expect(loaded.timings.map((t) => t.part)).toEqual([
      'setup',
      'generate',
      'geography',
      'residents',
      'staff',
      'catalog',
      'points',
      'licences',
      'applications',
      'total',
    ]);
    expect(loaded.counts).toMatchObject({ regions: 926, residents: 500, staff: 280, items: 40, points: 80 });
    expect(loaded.counts.licences).toBeGreaterThan(1000);
    expect(loaded.counts.applications).toBe(500);
  });

  it('refuses to load a second city over the first', async () => {
    await expect(
      loadCity({ seed: 11, residents: 10, items: 0, points: 0, dataDir, databaseUrl: db.databaseUrl }),
    ).rejects.toThrow(/already loaded/);
  });

  it('lets a resident sign in and read `me`, personal data masked', async () => {
    const resident = loaded.facts.residentLogins[0]!;
    const viewer = await signIn(resident.phone, loaded.facts.residentPassword);
    expect(viewer).toMatchObject({ accountId: resident.accountId, personId: resident.personId });
    const { me } = await data<{
      me: {
        phone: string;
        roles: string[];
        person: { name: string; idNumber: string; communityCode: string };
      };
    }>(identity, ME, {}, viewer);
    expect(me.roles).toEqual(['resident']);
    expect(me.person.name).toBe(resident.name);
    expect(me.person.idNumber).toMatch(/^339\*+\d{4}$/);
    expect(me.person.communityCode).toMatch(/^3399\d{10}$/);
  });

  it('lets staff sign in with their TOTP code, as their department', async () => {
    const staff = loaded.facts.staff.find((s) => s.departmentCode === 'MZ')!;
    const viewer = await signIn(staff.phone, loaded.facts.staffPassword, staff.totpSecret);
    expect(viewer).toMatchObject({ department: 'MZ', mfa: true });
    expect(viewer.roles).toEqual(['department-staff', 'supervisor']);
    const inbox = await data<{
      applicationInbox: { totalCount: number; edges: { node: { terms: { departmentCode: string } } }[] };
    }>(affairs, INBOX, {}, viewer);
    expect(inbox.applicationInbox.totalCount).toBeGreaterThan(0);
    expect(inbox.applicationInbox.edges.every((e) => e.node.terms.departmentCode === 'MZ')).toBe(true);
  });

  it("has signed the resident's licences so that verifyCredential says they are valid", async () => {
    const resident = loaded.facts.residentLogins[0]!;
    const viewer = await signIn(resident.phone, loaded.facts.residentPassword);
    const wallet = await data<{
      myLicences: { edges: { node: { typeCode: string; status: string; credential: string } }[] };
    }>(licences, MY_LICENCES, {}, viewer);
    const types = wallet.myLicences.edges.map((e) => e.node.typeCode);
    expect(types).toContain('RESIDENT_ID_CARD');
    for (const { node } of wallet.myLicences.edges) {
      const verified = await data<{ verifyCredential: { status: string; message: string } }>(
        licences,
        VERIFY,
        {
          c: node.credential,
        },
      );
      expect(verified.verifyCredential.status, `${node.typeCode}: ${verified.verifyCredential.message}`).toBe(
        'VALID',
      );
    }
  });

  it("lists the resident's applications", async () => {
    const resident = loaded.facts.residentLogins[0]!;
    const viewer = await signIn(resident.phone, loaded.facts.residentPassword);
    const mine = await data<{
      myApplications: {
        totalCount: number;
        edges: { node: { reference: string; history: { action: string }[] } }[];
      };
    }>(affairs, MY_APPLICATIONS, {}, viewer);
    expect(mine.myApplications.totalCount).toBe(resident.applications);
    for (const { node } of mine.myApplications.edges) {
      expect(node.reference).toMatch(/^BM\d{8}/);
      expect(node.history[0]!.action).toBe('create');
    }
  });
});
