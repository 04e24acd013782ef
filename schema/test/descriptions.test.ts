import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { findUndocumented } from '../src/descriptions.js';

describe('findUndocumented', () => {
  it('lists every type, field, argument, enum value and input field without a description', () => {
    const schema = buildSchema(`
      "Root."
      type Query {
        "Documented."
        item(id: ID!, "Documented argument." lang: String): Item
        undocumented: String
      }
      type Item {
        "Id."
        id: ID!
        "Kind."
        kind: Kind
      }
      "Kinds."
      enum Kind {
        "Documented value."
        A
        B
      }
      "Filter."
      input Filter {
        "Documented."
        name: String
        code: String
      }
      "Search."
      type Mutation { "Save." save(filter: Filter): Boolean }
    `);
    expect(findUndocumented(schema)).toEqual([
      'Filter.code',
      'Item',
      'Kind.B',
      'Mutation.save(filter:)',
      'Query.item(id:)',
      'Query.undocumented',
    ]);
  });

  it('returns nothing for a fully documented schema and ignores built-ins', () => {
    const schema = buildSchema(`"Root." type Query { "Hello." hello("Who." name: String): String }`);
    expect(findUndocumented(schema)).toEqual([]);
  });

  it('treats a blank description as missing', () => {
    const schema = buildSchema(`"Root." type Query { "  " hello: String }`);
    expect(findUndocumented(schema)).toEqual(['Query.hello']);
  });
});
