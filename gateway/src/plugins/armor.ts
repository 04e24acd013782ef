import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
}

/**
 * Reject abusive operations before they reach a subgraph: depth, aliases, cost and directives
 * (graphql-armor validation rules, answered with 400), and tokens. Field suggestions ("Did you
 * mean …?") leak the schema, so they are blocked in production, where introspection is off too.
 *
 * Tokens are limited by graphql-js's own parser (`maxLexicalTokens`) rather than armor's token
 * plugin: that plugin throws from `parsingDidStart`, which Apollo Server 5 answers with HTTP 500,
 * and it parses every document a second time. The parser limit aborts early with a 400
 * GRAPHQL_PARSE_FAILED.
 */
export function armorProtection(
  limits: QueryLimits,
  production: boolean,
): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return { plugins, validationRules, parseOptions: { maxLexicalTokens: limits.maxTokens } };
}
