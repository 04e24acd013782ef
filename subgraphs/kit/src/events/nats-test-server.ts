import { connect } from 'node:net';

/** The NATS server (with JetStream) that tests use; this machine runs one on 4222. */
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** Whether something listens there: NATS tests are skipped, with a message, only when not. */
export function natsReachable(url = TEST_NATS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 4222), timeout: 1000 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

export const skippedBecauseNatsIsDown = `SKIPPED: nothing listens at ${TEST_NATS_URL} (set TEST_NATS_URL)`;
