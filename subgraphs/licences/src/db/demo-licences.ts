import type { Orm } from '@bianmin/kit';
import type { Holder } from '../modules/issuance/holder-directory.js';
import { Licence } from '../modules/licence/licence.entity.js';
import { issueInTransaction, type FieldValues } from '../modules/licence/licence.issue.js';
import { LicenceType } from '../modules/licence-type/licence-type.entity.js';
import type { LicencesServices } from '../services.js';

/** A demo person as identity knows them (the platform passes identity's demo people). */
export interface DemoHolder extends Holder {
  personId: string;
}

interface DemoLicence {
  typeCode: string;
  /** 颁证日期 = first valid day. */
  issuedOn: string;
  fields: FieldValues;
}

/** 张小民's wallet: the licences a 36-year-old resident of 湖滨区 typically holds. */
const ZHANG_XIAOMIN: DemoLicence[] = [
  {
    typeCode: 'RESIDENT_ID_CARD',
    issuedOn: '2016-05-12',
    fields: { sex: '男', ethnicity: '汉', address: '云湖市湖滨区解放路街道柳营社区柳营巷3幢201室' },
  },
  {
    typeCode: 'HOUSEHOLD_REGISTER',
    issuedOn: '2008-09-01',
    fields: {
      householdType: '家庭户',
      householderName: '张小民',
      relationToHouseholder: '户主',
      address: '云湖市湖滨区解放路街道柳营社区柳营巷3幢201室',
    },
  },
  {
    typeCode: 'SOCIAL_SECURITY_CARD',
    issuedOn: '2021-03-15',
    fields: { cardNumber: 'B33990112', bank: '中国工商银行云湖分行' },
  },
  {
    typeCode: 'DRIVING_LICENCE',
    issuedOn: '2022-08-01',
    fields: { vehicleClass: 'C1', firstIssueDate: '2010-07-20', fileNumber: '339901004512' },
  },
  {
    typeCode: 'MARRIAGE_CERT',
    issuedOn: '2018-10-08',
    fields: {
      spouseName: '林晓雯',
      registrationDate: '2018-10-08',
      registrationOffice: '云湖市湖滨区婚姻登记处',
    },
  },
  {
    typeCode: 'LIBRARY_CARD',
    issuedOn: '2024-04-23',
    fields: { readerCategory: '普通读者', borrowingLimit: 10, depositWaived: true },
  },
];

const ID_CARD_SINCE = ['2015-01-20', '2017-06-08', '2019-11-02', '2020-03-30', '2023-02-14', '2024-09-09'];

/**
 * Demo licences for the demo people: 张小民 gets a full wallet, everyone else a 居民身份证.
 * Idempotent: a demo licence a person already holds (by type) is not issued again. Signed with the
 * current key and allocated status-list positions like any other licence (source SEED).
 */
export async function seedDemoLicences(
  orm: Orm,
  services: LicencesServices,
  holders: DemoHolder[],
): Promise<number> {
  let issued = 0;
  for (const [i, person] of holders.entries()) {
    const wanted: DemoLicence[] =
      person.name === '张小民'
        ? ZHANG_XIAOMIN
        : [{ typeCode: 'RESIDENT_ID_CARD', issuedOn: ID_CARD_SINCE[i % ID_CARD_SINCE.length]!, fields: {} }];
    const em = orm.em.fork();
    for (const demo of wanted) {
      if (
        await em.count(Licence, { holderPersonId: person.personId, typeCode: demo.typeCode, source: 'SEED' })
      )
        continue;
      const type = await em.findOne(LicenceType, { code: demo.typeCode });
      if (!type) throw new Error(`licence type ${demo.typeCode} is not loaded: run seedLicences first`);
      await em.transactional((tx) =>
        issueInTransaction(tx, services, {
          type,
          holderPersonId: person.personId,
          holder: {
            name: person.name,
            idType: person.idType,
            idNumber: person.idNumber,
            dateOfBirth: person.dateOfBirth,
          },
          fields: demo.fields,
          validFrom: demo.issuedOn,
          issueDate: demo.issuedOn,
          source: 'SEED',
          issuedBy: null,
        }),
      );
      issued++;
    }
  }
  return issued;
}
