import { describe, expect, it } from 'vitest';
import { loadLicences, type BulkLicence } from '../src/db/bulk.js';
import { Licence } from '../src/modules/licence/licence.entity.js';
import {
  credentialOf,
  drivers,
  GA_ISSUER,
  HOLDERS,
  issue,
  OTHER_RESIDENT,
  RESIDENT,
  SENIOR,
  useLicences,
  verify,
} from './setup.js';

const licence = (
  id: string,
  personId: string,
  typeCode: string,
  fields: BulkLicence['fields'],
  issueDate: string,
) => ({
  id,
  typeCode,
  holderPersonId: personId,
  holder: HOLDERS[personId]!,
  fields,
  issueDate,
});

describe.each(drivers)('bulk-loaded licences on %s', (driver) => {
  const fx = useLicences(driver);
  const loaded = [
    licence(
      '00000000-0000-4000-8000-00000000d001',
      RESIDENT.personId!,
      'RESIDENT_ID_CARD',
      { sex: '男' },
      '2022-03-01',
    ),
    licence(
      '00000000-0000-4000-8000-00000000d002',
      OTHER_RESIDENT.personId!,
      'DRIVING_LICENCE',
      { vehicleClass: 'C1' },
      '2024-06-10',
    ),
    licence(
      '00000000-0000-4000-8000-00000000d003',
      SENIOR.personId!,
      'SENIOR_CARD',
      { community: '柳营社区' },
      '2020-05-01',
    ),
  ];

  it('issues them as issueLicence does: signed, verifiable, dated as given', async () => {
    expect(await loadLicences(fx.licences.orm, fx.services(), loaded)).toBe(3);
    const credential = await credentialOf(fx, loaded[0]!.id);
    const verified = await verify(fx, credential);
    expect(verified.status).toBe('VALID');
    expect(verified.licence).toMatchObject({ typeCode: 'RESIDENT_ID_CARD', validFrom: '2022-03-01' });
    // Signed on the day it was issued, as the history says.
    expect(JSON.parse(credential).proof.created).toBe('2022-03-01T01:00:00Z');
  });

  it('gives later licences status positions and numbers of their own', async () => {
    const next = await issue(fx, GA_ISSUER, {
      typeCode: 'RESIDENT_ID_CARD',
      holderPersonId: OTHER_RESIDENT.personId!,
      fields: [{ name: 'sex', value: '女' }],
    });
    const rows = (await fx.licences.orm.em.fork().find(Licence, {})) as Licence[];
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => `${r.revocationList}/${r.revocationIndex}`)).size).toBe(4);
    expect(new Set(rows.map((r) => r.number)).size).toBe(4);
    expect((await verify(fx, await credentialOf(fx, next.id, OTHER_RESIDENT))).status).toBe('VALID');
  });

  it('refuses a field the licence type does not have, before writing anything', async () => {
    const wrong = licence(
      '00000000-0000-4000-8000-00000000d004',
      RESIDENT.personId!,
      'SENIOR_CARD',
      { colour: 'red' },
      '2021-01-01',
    );
    await expect(loadLicences(fx.licences.orm, fx.services(), [wrong])).rejects.toThrow(
      /has no field colour/,
    );
    expect(await fx.licences.orm.em.fork().count(Licence, { id: wrong.id })).toBe(0);
  });
});
