import { readFileSync } from 'node:fs';
import { buildSchema, Kind, validate, type ASTNode, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as licence from '../features/licence/queries';
import * as verify from '../features/verify/queries';
import * as wallet from '../features/wallet/queries';

/** The public API as composed (schema/api.graphql, committed and checked in CI). */
const schema = buildSchema(readFileSync(new URL('../../../../schema/api.graphql', import.meta.url), 'utf8'));

/** The gateway's QUERY_MAX_DEPTH default (gateway/src/env.ts). */
const GATEWAY_MAX_DEPTH = 10;

const documents = Object.entries({ ...wallet, ...licence, ...verify }).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as DocumentNode).kind === 'Document',
);

/**
 * Depth as the gateway's graphql-armor rule counts it (flattenFragments: false): one level per
 * field, two per fragment spread or inline fragment.
 */
function depthOf(document: DocumentNode): number {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const count = (node: ASTNode, parent: number): number => {
    let depth = parent;
    if ('selectionSet' in node && node.selectionSet) {
      for (const child of node.selectionSet.selections) depth = Math.max(depth, count(child, parent + 1));
    } else if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value);
      if (fragment) depth = Math.max(depth, count(fragment, 0) + parent + 1);
    }
    return depth;
  };
  return Math.max(
    ...document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => count(d, 0)),
  );
}

describe('GraphQL documents', () => {
  it('finds every operation of the remote', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'DEPARTMENTS',
      'GRANT_LICENCE_ACCESS',
      'LICENCE',
      'LICENCE_CREDENTIAL',
      'LICENCE_GRANTS',
      'MY_LICENCES',
      'PRESENT_LICENCE',
      'REVOKE_LICENCE_GRANT',
      'VERIFY_CREDENTIAL',
      'VERIFY_PRESENTATION',
    ]);
  });

  it.each(documents)('%s is valid against the public API', (_name, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it.each(documents)('%s stays within the gateway depth limit', (_name, document) => {
    expect(depthOf(document)).toBeLessThanOrEqual(GATEWAY_MAX_DEPTH);
  });

  it('counts depth the way the gateway does', () => {
    const nested = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: 'query',
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: [
              {
                kind: Kind.FIELD,
                name: { kind: Kind.NAME, value: 'a' },
                selectionSet: {
                  kind: Kind.SELECTION_SET,
                  selections: [{ kind: Kind.FRAGMENT_SPREAD, name: { kind: Kind.NAME, value: 'F' } }],
                },
              },
            ],
          },
        },
        {
          kind: Kind.FRAGMENT_DEFINITION,
          name: { kind: Kind.NAME, value: 'F' },
          typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'T' } },
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'b' } }],
          },
        },
      ],
    } as DocumentNode;
    // a (1) → ...F (counted as 2 more) → b (1 more): 4, as graphql-armor reports it.
    expect(depthOf(nested)).toBe(4);
  });
});
