/**
 * One OutboxRelay in a process of its own, for outbox.test.ts: a second replica over the same
 * database. Started with child_process.fork; reports every publish to the parent over IPC.
 *   parent → child: 'start' | 'stop'     child → parent: 'ready' | { published: id } | 'stopped'
 */
import { createLogger } from '../logger.js';
import type { EventBus } from './bus.js';
import { outboxEntities } from './index.js';
import { OutboxRelay } from './outbox-relay.js';
import { openSharedOrm, type SharedTestDatabase } from './shared-test-database.js';

const { location, relayId } = JSON.parse(process.argv[2]!) as {
  location: SharedTestDatabase['location'];
  relayId: string;
};
const send = (message: unknown) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

const orm = await openSharedOrm(location, outboxEntities);
const bus: EventBus = {
  publish: (event) => send({ published: event.id }),
  subscribe: () => Promise.reject(new Error('publish only')),
  close: async () => {},
};
const relay = new OutboxRelay({
  orm,
  bus,
  log: createLogger(relayId, 'silent'),
  pollMs: 20,
  batchSize: 10,
  relayId,
});

process.on('message', async (message) => {
  if (message === 'start') relay.start();
  if (message === 'wake') relay.wake();
  if (message === 'stop') {
    await relay.stop();
    await orm.close(true);
    await send('stopped');
    process.disconnect();
  }
});
await send('ready');
