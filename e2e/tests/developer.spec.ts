import { expect, test } from '@playwright/test';
import { E2E_PORTS } from '../playwright.config.js';

const GATEWAY = `http://localhost:${E2E_PORTS.gateway}/graphql`;

test('a partner developer registers an API client and its secret gets a client token through the gateway', async ({
  page,
  request,
}) => {
  // 吴开发, the demo partner developer (subgraphs/identity/README.md).
  await page.goto('/signin?returnTo=%2Fdeveloper');
  await page.getByTestId('signin-login').fill('13800000007');
  await page.getByTestId('signin-password').fill('Yunhu#Partner2026');
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('developer-page')).toBeVisible();

  const name = `e2e-${Date.now()}`;
  const form = page.getByTestId('register-client');
  await form.getByRole('textbox').fill(name);
  await form.getByRole('checkbox', { name: /catalog:read/ }).check();
  await form.getByRole('button').click();

  const secret = (await page.getByTestId('client-secret').innerText()).trim();
  expect(secret.length).toBeGreaterThan(20);
  const clientId = (
    await page
      .getByText(/^pc_[A-Za-z0-9_-]+$/)
      .first()
      .innerText()
  ).trim();
  await expect(page.getByTestId('client-row').filter({ hasText: name })).toHaveCount(1);

  // The client-credentials grant, as a partner's server would call it.
  const res = await request.post(GATEWAY, {
    data: {
      query: `mutation ($id: String!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { ok error { code } accessToken scopes } }`,
      variables: { id: clientId, secret },
    },
  });
  const issued = (await res.json()).data.issueClientToken as {
    ok: boolean;
    accessToken: string;
    scopes: string[];
  };
  expect(issued.ok).toBe(true);
  expect(issued.scopes).toContain('catalog:read');

  // The token is accepted by the gateway; a wrong secret is not.
  const withToken = await request.post(GATEWAY, {
    data: { query: '{ lifeEvents { code } }' },
    headers: { authorization: `Bearer ${issued.accessToken}` },
  });
  expect(withToken.status()).toBe(200);
  const wrong = await request.post(GATEWAY, {
    data: {
      query: `mutation ($id: String!) { issueClientToken(clientId: $id, clientSecret: "not-the-secret") { ok error { code } } }`,
      variables: { id: clientId },
    },
  });
  expect((await wrong.json()).data.issueClientToken).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
});
