import { expect, test } from '@playwright/test';
import { DEMO, GATEWAY, gql, signIn } from './support/gateway.js';

test('after signing out everywhere, the gateway refuses the old access token within seconds', async ({
  request,
}) => {
  const token = await signIn(request, DEMO.resident);
  const other = await signIn(request, DEMO.resident);
  const me = (t: string) =>
    request.post(GATEWAY, { data: { query: '{ me { id } }' }, headers: { authorization: `Bearer ${t}` } });
  expect((await me(token)).status()).toBe(200);

  const out = await gql<{ signOut: { ok: boolean } }>(
    request,
    'mutation { signOut(everywhere: true) { ok } }',
    {},
    other,
  );
  expect(out.signOut.ok).toBe(true);
  // The revocation travels identity's outbox → the bus → every gateway; the token itself is still unexpired.
  await expect.poll(async () => (await me(token)).status(), { timeout: 10_000 }).toBe(401);
  const body = (await (await me(token)).json()) as { errors: { extensions: { reason: string } }[] };
  expect(body.errors[0]!.extensions.reason).toBe('TOKEN_INVALID');
  // Anonymous use of the platform is untouched.
  const anonymous = await request.post(GATEWAY, { data: { query: '{ lifeEvents { code } }' } });
  expect(anonymous.status()).toBe(200);
});
