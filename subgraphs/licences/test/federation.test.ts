import { describe, expect, it } from 'vitest';
import { queryCounter } from '@bianmin/kit/testing';
import { data, drivers, GA_ISSUER, issue, RESIDENT, useLicences } from './setup.js';

describe.each(drivers)('entity references (%s)', (driver) => {
  const counter = queryCounter();
  const fx = useLicences(driver, {}, counter.onQuery);

  it('resolves N Licence references, their types and histories in one query each', async () => {
    const ids: string[] = [];
    for (const typeCode of ['RESIDENT_ID_CARD', 'PASSPORT', 'DRIVING_LICENCE', 'RESIDENCE_PERMIT'])
      ids.push((await issue(fx, GA_ISSUER, { typeCode, holderPersonId: RESIDENT.personId! })).id);
    counter.reset();
    const result = await data<{
      _entities: { id: string; type: { code: string }; history: { action: string }[] }[];
    }>(
      fx,
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Licence { id type { code nameZh } history { action } } } }`,
      { r: ids.map((id) => ({ __typename: 'Licence', id })) },
      RESIDENT,
    );
    expect(result._entities.map((e) => e.id)).toEqual(ids);
    const selects = counter.selects();
    expect(selects.filter((s) => /from [`"]?(licences[`"]?\.)?[`"]?licence[`"]? /.test(s))).toHaveLength(1);
    expect(selects.filter((s) => /licence_type/.test(s))).toHaveLength(1);
    expect(selects.filter((s) => /licence_status_change/.test(s))).toHaveLength(1);
    expect(selects).toHaveLength(3);
  });
});
