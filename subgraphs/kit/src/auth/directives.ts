import { maybeCacheControlFromInfo } from '@apollo/cache-control-types';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isObjectType,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { ErrorCode } from '../errors.js';
import { pick, type Locale } from '../locale.js';
import { isSignedIn, type Identity } from './identity.js';
import { mask, SENSITIVE_KINDS, type SensitiveKind } from './masking.js';

/**
 * The project's authorization directives. Every subgraph declares them in its SDL (composition
 * strips them; enforcement happens here, in the subgraph) and marks each type or field:
 *   @public                  — anyone, signed in or not, even without the gateway's identity header
 *   @auth(requires: [...])   — a signed-in caller with at least one of the roles (none listed: any)
 *   @auth(scopes: [...])     — …and which partner API clients (client-credentials tokens) may
 *                              call it: those holding one of the scopes. A client token reaches
 *                              no `@auth` field that lists no scope: partners get exactly what
 *                              is opened to them, people what their roles allow.
 * A field without either, on a type without either, is refused: deny by default.
 */
export const AUTH_DIRECTIVES_SDL = `
directive @public on OBJECT | FIELD_DEFINITION
directive @auth(requires: [String!]! = [], scopes: [String!]! = []) on OBJECT | FIELD_DEFINITION
directive @sensitive(kind: String!) on FIELD_DEFINITION
`;

type Policy = { kind: 'public' } | { kind: 'auth'; roles: string[]; scopes: string[] } | { kind: 'deny' };

function stringList(d: ConstDirectiveNode, name: string): string[] {
  const arg = d.arguments?.find((a) => a.name.value === name);
  return arg && arg.value.kind === 'ListValue'
    ? arg.value.values.flatMap((v) => (v.kind === 'StringValue' ? [v.value] : []))
    : [];
}

function policyOf(directives: readonly ConstDirectiveNode[] | undefined): Policy | null {
  for (const d of directives ?? []) {
    if (d.name.value === 'public') return { kind: 'public' };
    if (d.name.value === 'auth')
      return { kind: 'auth', roles: stringList(d, 'requires'), scopes: stringList(d, 'scopes') };
  }
  return null;
}

/** A partner API client's token: a client id, no account behind it. */
const isPartnerClient = (viewer: Identity) => Boolean(viewer.clientId) && !viewer.accountId;

function typePolicy(type: GraphQLObjectType): Policy | null {
  return (
    policyOf(type.astNode?.directives) ??
    type.extensionASTNodes.map((n) => policyOf(n.directives)).find((p) => p) ??
    null
  );
}

/** Federation's own entry points: `_entities` is public, the entities' fields are checked one by one. */
const FEDERATION_FIELDS = new Set(['_service', '_entities']);

interface AuthContext {
  viewer: Identity;
  locale: Locale;
}

export function refusal(
  viewer: Identity,
  policy: Policy,
  locale: Locale,
): { code: ErrorCode; message: string } | null {
  if (policy.kind === 'public') return null;
  if (policy.kind === 'deny') {
    return {
      code: ErrorCode.FORBIDDEN,
      message: pick(locale, { zh: '该字段不对外开放', en: 'This field is not available.' }),
    };
  }
  if (!isSignedIn(viewer)) {
    return {
      code: ErrorCode.UNAUTHENTICATED,
      message: pick(locale, { zh: '请先登录', en: 'Sign in first.' }),
    };
  }
  if (isPartnerClient(viewer)) {
    const held = viewer.scopes ?? [];
    if (policy.scopes.some((s) => held.includes(s))) return null;
    return {
      code: ErrorCode.FORBIDDEN,
      message: policy.scopes.length
        ? pick(locale, {
            zh: `接入应用需要以下权限之一：${policy.scopes.join('、')}`,
            en: `An API client needs one of the scopes: ${policy.scopes.join(', ')}.`,
          })
        : pick(locale, { zh: '该接口未向接入应用开放', en: 'This is not open to API clients.' }),
    };
  }
  if (policy.roles.length > 0 && !policy.roles.some((r) => viewer.roles.includes(r))) {
    return {
      code: ErrorCode.FORBIDDEN,
      message: pick(locale, {
        zh: `需要以下角色之一：${policy.roles.join('、')}`,
        en: `This needs one of the roles: ${policy.roles.join(', ')}.`,
      }),
    };
  }
  return null;
}

/** A field returning `{ ok, error }` reports a refusal as data, like any expected failure. */
function returnsResult(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && 'ok' in type.getFields() && 'error' in type.getFields();
}

function sensitiveKindOf(field: GraphQLField<unknown, unknown>): SensitiveKind | null {
  const d = field.astNode?.directives?.find((x) => x.name.value === 'sensitive');
  if (!d) return null;
  const arg = d.arguments?.find((a) => a.name.value === 'kind');
  const kind =
    arg && (arg.value.kind === 'StringValue' || arg.value.kind === 'EnumValue') ? arg.value.value : 'OTHER';
  return (SENSITIVE_KINDS as readonly string[]).includes(kind) ? (kind as SensitiveKind) : 'OTHER';
}

/**
 * `@sensitive(kind: "ID_NUMBER")`: the field always resolves masked. The full value is only ever
 * returned by a dedicated, audited reveal operation — never by reading the field — so no role,
 * query shape or client can get it by accident.
 */
function applyMasking(type: GraphQLObjectType) {
  for (const field of Object.values(type.getFields())) {
    const kind = sensitiveKindOf(field);
    if (!kind) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context, info) => {
      const value: unknown = await resolve(source, args, context, info);
      return typeof value === 'string' && value.length > 0 ? mask(kind, value) : value;
    };
  }
}

/**
 * Wrap every field's resolver with its policy. Public fields are left untouched (no cost);
 * everything else checks the request's verified identity before resolving.
 */
export function applyAuthorization(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    applyMasking(type);
    const inherited = typePolicy(type);
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    for (const field of Object.values(type.getFields())) {
      let policy = policyOf(field.astNode?.directives) ?? inherited ?? { kind: 'deny' };
      if ((isRoot && FEDERATION_FIELDS.has(field.name)) || type.name === '_Service')
        policy = { kind: 'public' };
      if (policy.kind === 'public') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const asData = returnsResult(field);
      const fixed = policy;
      field.resolve = (source, args, context: AuthContext, info) => {
        // What depends on who asks is never shared by a cache (see http/public-cache.ts).
        maybeCacheControlFromInfo(info)?.setCacheHint({ maxAge: 0, scope: 'PRIVATE' });
        const refused = refusal(context.viewer, fixed, context.locale);
        if (!refused) return resolve(source, args, context, info);
        if (asData) return { ok: false, error: { ...refused, field: null } };
        throw new GraphQLError(refused.message, { extensions: { code: refused.code } });
      };
    }
  }
  return schema;
}
