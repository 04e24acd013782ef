import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixtures.js';

let fixture: Fixture;
beforeAll(async () => {
  fixture = await startFixture();
});
afterAll(() => fixture.close());

const nested = (depth: number) =>
  `{ products ${'{ similar '.repeat(depth - 2)}{ id }${' }'.repeat(depth - 2)} }`;

describe('query limits', () => {
  it('accepts an ordinary query', async () => {
    const { status, body } = await fixture.query(
      `{ a: products { id } b: products { name } ${nested(5).slice(1, -1)} }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('rejects a query deeper than 10 levels', async () => {
    const { status, body } = await fixture.query(nested(12));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/depth limit of 10 exceeded/),
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
  });

  it('rejects more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `p${i}: products { id }`).join(' ');
    const { status, body } = await fixture.query(`{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/aliases limit of 15 exceeded/i);
  });

  it('rejects a document of more than 2000 tokens before validating it', async () => {
    const fields = Array.from({ length: 1100 }, () => 'id name').join(' ');
    const { status, body } = await fixture.query(`{ products { ${fields} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/more that 2000 tokens/),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('rejects a query over the cost limit', async () => {
    // Shallow and short, but `first` multiplies what each level may return.
    const query =
      '{ products { similar(first: 50) { similar(first: 50) { similar(first: 50) { id name } } } } }';
    const { status, body } = await fixture.query(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/cost limit of 20000 exceeded/i);
  });
});

describe('CSRF prevention', () => {
  it('refuses a GET without apollo-require-preflight', async () => {
    const response = await fetch(
      `${fixture.base}/graphql?query=${encodeURIComponent('{ products { id } }')}`,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a POST with a simple content type (text/plain)', async () => {
    const response = await fetch(`${fixture.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ products { id } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it('serves a GET that carries apollo-require-preflight', async () => {
    const response = await fetch(
      `${fixture.base}/graphql?query=${encodeURIComponent('{ products { id } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { products: [{ id: 'p1' }, { id: 'p2' }] } });
  });
});
