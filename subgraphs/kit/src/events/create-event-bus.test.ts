import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { connect } from 'nats';
import { parseEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { createEventBus, eventsEnvShape } from './create-event-bus.js';
import { InProcessBus } from './in-process-bus.js';
import { NatsJetStreamBus } from './nats-jetstream-bus.js';
import { natsReachable, skippedBecauseNatsIsDown, TEST_NATS_URL } from './nats-test-server.js';

const log = createLogger('test', 'silent');
const natsUp = await natsReachable();

describe('createEventBus', () => {
  it('keeps events in the process when NATS_URL is unset', async () => {
    const env = parseEnv(eventsEnvShape, {});
    const bus = await createEventBus({ natsUrl: env.NATS_URL, log });
    expect(bus).toBeInstanceOf(InProcessBus);
    await bus.close();
  });

  it('refuses a NATS_URL that is not a nats:// URL', () => {
    expect(() => parseEnv(eventsEnvShape, { NATS_URL: 'http://127.0.0.1:4222' })).toThrow(/NATS_URL/);
    expect(parseEnv(eventsEnvShape, { NATS_URL: 'nats://a:4222,nats://b:4222' }).NATS_URL).toBe(
      'nats://a:4222,nats://b:4222',
    );
  });

  it.skipIf(!natsUp)(
    `connects to NATS JetStream when NATS_URL is set${natsUp ? '' : ` — ${skippedBecauseNatsIsDown}`}`,
    async () => {
      const stream = `BIANMIN_TEST_${randomBytes(4).toString('hex')}`;
      const bus = await createEventBus({
        natsUrl: TEST_NATS_URL,
        log,
        stream,
        subjectPrefix: stream.toLowerCase(),
      });
      expect(bus).toBeInstanceOf(NatsJetStreamBus);
      await bus.close();
      const admin = await connect({ servers: TEST_NATS_URL });
      const jsm = await admin.jetstreamManager();
      expect((await jsm.streams.info(stream)).config.subjects).toEqual([`${stream.toLowerCase()}.>`]);
      await jsm.streams.delete(stream);
      await admin.close();
    },
  );
});
