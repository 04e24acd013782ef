import { describe, expect, it } from 'vitest';
import { Licence } from '../src/modules/licence/licence.entity.js';
import { seedDemoLicences } from '../src/server.js';
import { drivers, HOLDERS, OTHER_RESIDENT, RESIDENT, SENIOR, useLicences, verify } from './setup.js';

describe.each(drivers)('demo licences (%s)', (driver) => {
  const fx = useLicences(driver);
  const people = [RESIDENT, OTHER_RESIDENT, SENIOR].map((p) => ({
    personId: p.personId!,
    ...HOLDERS[p.personId!]!,
  }));

  it('gives 张小民 a full wallet and everyone else an ID card, once, all of them verifiable', async () => {
    expect(await seedDemoLicences(fx.licences.orm, fx.services(), people)).toBe(8);
    expect(await seedDemoLicences(fx.licences.orm, fx.services(), people)).toBe(0);
    const rows = await fx.licences.orm.em.fork().find(Licence, {}, { orderBy: { createdAt: 'asc' } });
    const zhang = rows.filter((r) => r.holderPersonId === RESIDENT.personId).map((r) => r.typeCode);
    expect(zhang).toEqual(
      expect.arrayContaining([
        'RESIDENT_ID_CARD',
        'HOUSEHOLD_REGISTER',
        'SOCIAL_SECURITY_CARD',
        'DRIVING_LICENCE',
        'MARRIAGE_CERT',
      ]),
    );
    expect(rows.filter((r) => r.holderPersonId === SENIOR.personId).map((r) => r.typeCode)).toEqual([
      'RESIDENT_ID_CARD',
    ]);
    const idCard = rows.find(
      (r) => r.holderPersonId === RESIDENT.personId && r.typeCode === 'RESIDENT_ID_CARD',
    )!;
    expect([idCard.issueDate, idCard.validFrom, idCard.validUntil, idCard.source]).toEqual([
      '2016-05-12',
      '2016-05-12',
      '2036-05-12',
      'SEED',
    ]);
    // 王秀英 (born 1955) was over 46 when her card was issued: 长期.
    expect(rows.find((r) => r.holderPersonId === SENIOR.personId)!.validUntil).toBeNull();
    for (const row of rows) expect((await verify(fx, row.credential)).status, row.typeCode).toBe('VALID');
  });
});
