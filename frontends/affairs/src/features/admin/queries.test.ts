import { readFileSync } from 'node:fs';
import { buildSchema, Kind, validate, type ASTNode, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as admin from './queries';

/** The public API as composed (schema/api.graphql), as src/graphql/documents.test.ts reads it. */
const schema = buildSchema(
  readFileSync(new URL('../../../../../schema/api.graphql', import.meta.url), 'utf8'),
);

const documents = Object.entries(admin).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as DocumentNode).kind === Kind.DOCUMENT,
);

/** Field depth (these documents use no fragments); the gateway allows 10. */
function depthOf(node: ASTNode, depth = 0): number {
  if (!('selectionSet' in node) || !node.selectionSet) return depth;
  return Math.max(...node.selectionSet.selections.map((child) => depthOf(child, depth + 1)));
}

describe('the admin pages’ GraphQL documents', () => {
  it('are all here', () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      'CURRENT_RULE_SET',
      'PUBLISH_RULES',
      'REMOVE_CALENDAR_DAY',
      'RULE_SETS',
      'RULE_SET_VERSIONS',
      'SERVICE_ITEM_NAME',
      'SET_CALENDAR_DAY',
      'WORKING_CALENDAR',
    ]);
  });

  it.each(documents)('%s is valid against the public API', (_name, document) => {
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it.each(documents)('%s stays well within the gateway depth limit', (_name, document) => {
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(Math.max(...operations.map((d) => depthOf(d)))).toBeLessThanOrEqual(4);
  });
});
