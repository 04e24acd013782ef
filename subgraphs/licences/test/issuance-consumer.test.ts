import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger, InProcessBus, OutboxMessage, type BusEvent } from '@bianmin/kit';
import { Licence } from '../src/modules/licence/licence.entity.js';
import { handleAffairsEvent, startLicenceIssuanceConsumer } from '../src/server.js';
import { data, drivers, RESIDENT, SENIOR, useLicences } from './setup.js';

function affairsEvent(
  action: string,
  itemCode: string,
  personId: string,
  applicationId = randomUUID(),
): BusEvent {
  return {
    id: randomUUID(),
    topic: `affairs.application.${action}`,
    key: applicationId,
    payload: {
      applicationId,
      reference: 'MZ20261130000123',
      personId,
      itemId: randomUUID(),
      itemCode,
      departmentCode: itemCode.split('-')[0],
      action,
      fromState: 'UNDER_REVIEW',
      toState: 'APPROVED',
      actorKind: action === 'autoapprove' ? 'SYSTEM' : 'STAFF',
      seq: 4,
      at: '2026-11-30T02:00:00.000Z',
    },
    headers: { requestId: 'req-1' },
    occurredAt: '2026-11-30T02:00:00.000Z',
  };
}

describe.each(drivers)('issuing on approval in affairs (%s)', (driver) => {
  const fx = useLicences(driver);
  const licencesOf = (applicationId: string) =>
    fx.licences.orm.em.fork().find(Licence, { sourceApplicationId: applicationId });

  it('one approval, one licence — even when the event is delivered twice, concurrently, or announced twice', async () => {
    const event = affairsEvent('autoapprove', 'MZ-011', SENIOR.personId!);
    const em = () => fx.licences.orm.em.fork();
    const [a, b] = await Promise.all([
      handleAffairsEvent(em(), fx.services(), event),
      handleAffairsEvent(em(), fx.services(), event),
    ]);
    const outcomes = [a, b].map((o) => ('issued' in o ? 'issued' : o.skipped));
    expect(outcomes.filter((o) => o === 'issued')).toHaveLength(1);
    expect(outcomes.find((o) => o !== 'issued')).toMatch(/^(ALREADY_ISSUED|DUPLICATE_EVENT)$/);
    expect(await handleAffairsEvent(em(), fx.services(), event)).toEqual({ skipped: 'ALREADY_ISSUED' });
    // A second event (another id) for the same approval issues nothing more.
    const again = { ...event, id: randomUUID() };
    expect(await handleAffairsEvent(em(), fx.services(), again)).toEqual({ skipped: 'ALREADY_ISSUED' });
    const rows = await licencesOf((event.payload as { applicationId: string }).applicationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      typeCode: 'SENIOR_CARD',
      source: 'AFFAIRS',
      holderName: '王秀英',
      issuerCode: 'MZ',
    });
    const events = await em().find(OutboxMessage, { key: rows[0]!.id });
    expect(events.map((e) => e.topic)).toEqual(['licences.licence.issued']);
    // The holder sees it in their wallet.
    const wallet = await data<{ myLicences: { edges: { node: { typeCode: string; source: string } }[] } }>(
      fx,
      `{ myLicences { edges { node { typeCode source } } } }`,
      {},
      SENIOR,
    );
    expect(wallet.myLicences.edges.map((e) => e.node)).toContainEqual({
      typeCode: 'SENIOR_CARD',
      source: 'AFFAIRS',
    });
  });

  it('fills the approval date and ignores other steps and items without a licence', async () => {
    const marriage = affairsEvent('approve', 'MZ-001', RESIDENT.personId!);
    const outcome = await handleAffairsEvent(fx.licences.orm.em.fork(), fx.services(), marriage);
    expect('issued' in outcome && outcome.issued.fields).toEqual({ registrationDate: '2026-11-30' });
    const em = fx.licences.orm.em.fork();
    expect(
      await handleAffairsEvent(em, fx.services(), affairsEvent('submit', 'MZ-011', SENIOR.personId!)),
    ).toEqual({
      skipped: 'NOT_AN_APPROVAL',
    });
    expect(
      await handleAffairsEvent(em, fx.services(), affairsEvent('approve', 'MZ-006', SENIOR.personId!)),
    ).toEqual({
      skipped: 'NO_LICENCE_TYPE',
    });
    expect(
      await handleAffairsEvent(
        em,
        fx.services(),
        affairsEvent('approve', 'WL-005', '00000000-0000-4000-8000-00000000ffff'),
      ),
    ).toEqual({ skipped: 'UNKNOWN_PERSON' });
  });

  it('through the bus: waits while identity is down (redelivery), then issues once', async () => {
    const bus = new InProcessBus({
      log: createLogger('test-bus', 'silent'),
      backoff: () => 20,
      duplicateWindowMs: 0,
    });
    const subscription = await startLicenceIssuanceConsumer({
      orm: fx.licences.orm,
      bus,
      log: createLogger('test', 'silent'),
      services: fx.services(),
    });
    try {
      const event = affairsEvent('approve', 'GA-008', RESIDENT.personId!);
      const applicationId = (event.payload as { applicationId: string }).applicationId;
      fx.holders.state.down = true;
      await bus.publish(event);
      await new Promise((r) => setTimeout(r, 80));
      expect(await licencesOf(applicationId)).toHaveLength(0);
      fx.holders.state.down = false;
      await bus.publish(event); // and a duplicate delivery on top
      await bus.idle();
      const rows = await licencesOf(applicationId);
      expect(rows.map((r) => r.typeCode)).toEqual(['HOUSEHOLD_PROOF']);
      expect(rows[0]!.validUntil).toBe('2027-02-28');
    } finally {
      fx.holders.state.down = false;
      await subscription.close();
      await bus.close();
    }
  });
});
