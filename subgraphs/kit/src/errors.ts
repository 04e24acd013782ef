import { GraphQLError } from 'graphql';

/** Error codes shared by every Bianmin domain (mirrors the `ErrorCode` enum in each schema). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An expected failure, returned to the client as data. */
export interface UserError {
  code: ErrorCode;
  message: string;
  field?: string | null;
}

export type Result<T> = { ok: true; error: null } & T;
export type Failure = { ok: false; error: UserError };

export function ok<T extends object>(payload: T): Result<T> {
  return { ok: true, error: null, ...payload };
}

export function fail(code: ErrorCode, message: string, field?: string): Failure {
  return { ok: false, error: { code, message, field: field ?? null } };
}

/**
 * A failure of a query argument. Queries have no result type, so a bad argument becomes a
 * GraphQL error with a known code; the gateway passes these through unmasked.
 */
export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
}

/** Codes that are safe to show to a client as they are; anything else is masked. */
export const PUBLIC_ERROR_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
]);
