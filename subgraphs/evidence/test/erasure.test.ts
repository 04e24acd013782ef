import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBus, type Subscription } from '@bianmin/kit';
import type { EntryJson } from '../src/client/log-client.js';
import { PersonSecret } from '../src/modules/subject/person-secret.entity.js';
import { verifyEntryInclusion } from '../src/modules/verification/offline.js';
import { forgetPerson, logEvent, signCheckpoint, startEvidenceConsumers, subjectOf } from '../src/server.js';
import { applicationStep, busEvent, drivers, OTHER_PERSON, PERSON, silentLog, useEvidence } from './setup.js';

describe.each(drivers)('erasure (PIPL) on %s', (driver) => {
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

  const entry = (index: number, treeSize?: number) => fx.client.entry(index, treeSize);
  const subjectOfEntry = (e: EntryJson) => (JSON.parse(e.entry) as { subject: string | null }).subject;

  it('deletes the secret, records the erasure, and leaves every proof verifiable', async () => {
    const steps = [applicationStep(PERSON), applicationStep(OTHER_PERSON), applicationStep(PERSON)];
    for (const step of steps) await bus.publish(step);
    await bus.idle();
    await signCheckpoint(fx.orm.em.fork(), fx.keys);
    const before = (await fx.client.checkpoint())!;
    const entriesBefore = await Promise.all([0, 1, 2].map((i) => entry(i)));
    const pseudonym = subjectOfEntry(entriesBefore[0]!);
    expect(subjectOfEntry(entriesBefore[2]!)).toBe(pseudonym);

    const erased = busEvent('identity.person.erased', { personId: PERSON });
    await bus.publish(erased);
    await bus.idle();

    // The secret is gone; the person's other data never was here.
    expect(await fx.orm.em.fork().count(PersonSecret, { personId: PERSON })).toBe(0);
    expect(await fx.orm.em.fork().count(PersonSecret, { personId: OTHER_PERSON })).toBe(1);
    // The erasure is itself an entry: under the pseudonym that is now unlinkable, with no digest.
    await signCheckpoint(fx.orm.em.fork(), fx.keys);
    const after = (await fx.client.checkpoint())!;
    const erasure = await entry(3);
    expect(JSON.parse(erasure.entry)).toEqual({
      v: 1,
      source: 'identity',
      type: 'identity.person.erased',
      eventId: erased.id,
      occurredAt: erased.occurredAt,
      codes: {},
      subject: pseudonym,
      digest: null,
    });
    expect(erasure.entry).not.toContain(PERSON);

    // Every earlier entry is unchanged and still proves its inclusion, in the old checkpoint and the new one.
    for (const [i, old] of entriesBefore.entries()) {
      expect(
        verifyEntryInclusion({ note: before.signedNote, verifiers: [fx.keys.current], entry: old }).index,
      ).toBe(i);
      const now = await entry(i);
      expect(now.entry).toBe(old.entry);
      expect(
        verifyEntryInclusion({ note: after.signedNote, verifiers: [fx.keys.current], entry: now }).index,
      ).toBe(i);
    }
    const consistency = await fx.client.consistency(before.treeSize, after.treeSize);
    expect(consistency.proof.length).toBeGreaterThan(0);
  });

  it('cannot tie the old pseudonym to the person again: a new secret gives a new pseudonym', async () => {
    const old = subjectOfEntry(await entry(0));
    const fresh = await fx.orm.em.fork().transactional((tx) => subjectOf(tx, PERSON));
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh).not.toBe(old);
  });

  it('forgets a person it never logged without fuss, and an erasure delivered twice is recorded once', async () => {
    expect(await forgetPerson(fx.orm.em.fork(), '00000000-0000-4000-8000-00000000ffff')).toEqual({
      subject: null,
    });
    const size = (await fx.client.checkpoint())!.treeSize;
    const erased = busEvent('identity.person.erased', { personId: OTHER_PERSON });
    await bus.publish(erased);
    await bus.idle();
    // Delivered again (a lost ack, a replayed stream): recognised, nothing more is deleted or logged.
    expect((await logEvent(fx.orm.em.fork(), 'evidence-identity', erased, silentLog)).kind).toBe('duplicate');
    await signCheckpoint(fx.orm.em.fork(), fx.keys);
    expect((await fx.client.checkpoint())!.treeSize).toBe(size + 1);
  });
});
