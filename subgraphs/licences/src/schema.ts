import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

/** The subgraph's SDL lives in schema.graphql so composition reads the same file. */
export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));
