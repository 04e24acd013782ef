import type { MixOperation } from './mix.js';
import type { PreparedRequest } from './requests.js';

/**
 * What is wrong with an answer, or null when it is right: HTTP 200, no GraphQL `errors`, and the
 * data the page needs. A 200 with `errors` is an error here, which status counts alone miss.
 */
export function problemWith(operation: MixOperation, status: number, text: string): string | null {
  if (status !== 200) return `HTTP ${status}: ${text.slice(0, 200)}`;
  let answer: { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
  if (answer.errors?.length) return `errors: ${answer.errors.map((error) => error.message).join('; ')}`;
  if (!answer.data || !operation.present(answer.data)) return `no data: ${text.slice(0, 200)}`;
  return null;
}

/** Send one request and check its answer. */
export async function sendAndCheck(request: PreparedRequest): Promise<string | null> {
  const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
  return problemWith(request.operation, response.status, await response.text());
}

/**
 * Ask every operation of `requests` once (its first request) and report the operations that
 * were not answered right, with the problem.
 */
export async function checkEveryOperation(requests: PreparedRequest[]): Promise<Map<string, string>> {
  const first = new Map<string, PreparedRequest>();
  for (const request of requests)
    if (!first.has(request.operation.name)) first.set(request.operation.name, request);
  const problems = new Map<string, string>();
  for (const [name, request] of first) {
    const problem = await sendAndCheck(request);
    if (problem) problems.set(name, problem);
  }
  return problems;
}
