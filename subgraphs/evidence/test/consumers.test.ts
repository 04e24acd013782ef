import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InProcessBus, type Subscription } from '@bianmin/kit';
import { canonicalJson } from '../src/modules/canonical/jcs.js';
import { LogEntry } from '../src/modules/log/log.entities.js';
import { logSize } from '../src/modules/log/log.store.js';
import { PersonSecret } from '../src/modules/subject/person-secret.entity.js';
import { logEvent, startEvidenceConsumers } from '../src/server.js';
import { applicationStep, busEvent, drivers, OTHER_PERSON, PERSON, silentLog, useEvidence } from './setup.js';

const entryOf = async (fx: ReturnType<typeof useEvidence>, eventId: string) => {
  const row = await fx.orm.em.fork().findOneOrFail(LogEntry, { eventId });
  return { row, body: JSON.parse(row.entry) as Record<string, unknown> };
};

describe.each(drivers)('logging source events on %s', (driver) => {
  const fx = useEvidence(driver);
  const bus = new InProcessBus({ log: silentLog });
  let subscriptions: Subscription[];

  beforeAll(async () => {
    subscriptions = await startEvidenceConsumers({ orm: fx.orm, bus, log: silentLog });
  });
  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.close()));
    await bus.close();
  });

  it('subscribes the three durables and logs an application step with codes, a pseudonym and a digest', async () => {
    const step = applicationStep();
    await bus.publish(step);
    await bus.idle();
    const { row, body } = await entryOf(fx, step.id);
    const secret = await fx.orm.em.fork().findOneOrFail(PersonSecret, { personId: PERSON });
    expect(body).toEqual({
      v: 1,
      source: 'affairs',
      type: 'affairs.application.approve',
      eventId: step.id,
      occurredAt: step.occurredAt,
      codes: {
        itemCode: 'MZ-004',
        departmentCode: 'MZ',
        fromState: 'UNDER_REVIEW',
        toState: 'APPROVED',
        actorKind: 'STAFF',
        action: 'APPROVE',
      },
      subject: createHmac('sha256', Buffer.from(secret.secret, 'hex')).update(PERSON).digest('hex'),
      digest: createHash('sha256').update(canonicalJson(step.payload)).digest('hex'),
    });
    // The exact text is canonical, and nothing personal is in it.
    expect(row.entry).toBe(canonicalJson(body));
    for (const personal of [
      PERSON,
      step.payload.reference,
      step.payload.applicationId,
      step.payload.itemId,
    ]) {
      expect(row.entry).not.toContain(personal as string);
    }
  });

  it('logs the same event once, however often and however concurrently it is delivered', async () => {
    const step = applicationStep(PERSON, {
      action: 'ACCEPT',
      fromState: 'SUBMITTED',
      toState: 'UNDER_REVIEW',
    });
    const before = await logSize(fx.orm.em.fork());
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => logEvent(fx.orm.em.fork(), 'evidence-affairs', step, silentLog)),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['appended', 'duplicate', 'duplicate']);
    expect((await logEvent(fx.orm.em.fork(), 'evidence-affairs', step, silentLog)).kind).toBe('duplicate');
    expect(await logSize(fx.orm.em.fork())).toBe(before + 1);
  });

  it('gives one person one pseudonym across sources, and another person another', async () => {
    const reveal = busEvent('identity.personal-data.revealed', {
      accessId: '0195c5d0-0000-7000-8000-00000000a001',
      personId: PERSON,
      field: 'idNumber',
      purposeKind: 'CASE_HANDLING',
      accessorAccountId: '00000000-0000-4000-8000-0000000000a3',
      accessorDepartment: 'MZ',
      at: '2026-11-30T01:05:00.000Z',
    });
    const issued = busEvent('licences.licence.issued', {
      licenceId: '0195c5d0-0000-7000-8000-00000000b001',
      typeCode: 'MARRIAGE_CERT',
      holderPersonId: PERSON,
      issuerCode: 'MZ',
      status: 'VALID',
      at: '2026-11-30T01:06:00.000Z',
    });
    const other = applicationStep(OTHER_PERSON);
    for (const event of [reveal, issued, other]) await bus.publish(event);
    await bus.idle();
    const firstId = (await fx.orm.em.fork().findOneOrFail(LogEntry, { leafIndex: 0 })).eventId;
    const first = await entryOf(fx, firstId);
    const revealed = await entryOf(fx, reveal.id);
    const licence = await entryOf(fx, issued.id);
    const another = await entryOf(fx, other.id);
    expect(revealed.body.codes).toEqual({
      field: 'idNumber',
      purposeKind: 'CASE_HANDLING',
      accessorDepartment: 'MZ',
    });
    expect(revealed.row.entry).not.toContain('00000000a3'); // the accessor's account stays in the digest only
    expect(licence.body).toMatchObject({
      source: 'licences',
      type: 'licences.licence.issued',
      codes: { typeCode: 'MARRIAGE_CERT', issuerCode: 'MZ', status: 'VALID' },
    });
    expect(revealed.body.subject).toBe(first.body.subject);
    expect(licence.body.subject).toBe(first.body.subject);
    expect(another.body.subject).not.toBe(first.body.subject);
    expect(another.body.subject).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips identity events it does not record, and reports (without logging) payloads it cannot read', async () => {
    const error = vi.spyOn(silentLog, 'error');
    const before = await logSize(fx.orm.em.fork());
    const sessionRevoked = busEvent('identity.session.revoked', { sessionId: 's1' });
    const comment = applicationStep(PERSON, { toState: 'Please bring your 户口簿 to window 3' });
    const float = applicationStep(PERSON, { score: 4.5 });
    const missing = busEvent('licences.licence.revoked', { licenceId: 'x', typeCode: 'MARRIAGE_CERT' });
    expect((await logEvent(fx.orm.em.fork(), 'evidence-identity', sessionRevoked, silentLog)).kind).toBe(
      'ignored',
    );
    for (const event of [comment, float, missing]) {
      const outcome = await logEvent(fx.orm.em.fork(), 'evidence-affairs', event, silentLog);
      expect(outcome.kind, event.topic).toBe('invalid');
    }
    expect(await logSize(fx.orm.em.fork())).toBe(before);
    const reported = error.mock.calls.map(([record]) => JSON.stringify(record));
    expect(reported.some((r) => r.includes('toState'))).toBe(true);
    // Problems name fields, never values.
    expect(reported.join('\n')).not.toContain('window 3');
    error.mockRestore();
  });
});
