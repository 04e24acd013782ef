import { readFileSync } from 'node:fs';
import { Kind, parse, type DirectiveNode } from 'graphql';
import { REPO_ROOT } from '../harness/service-process.js';

const SUBGRAPHS = ['catalog', 'identity', 'affairs', 'licences', 'evidence'];
const isAuth = (directives: readonly DirectiveNode[] | undefined) =>
  directives?.some((directive) => directive.name.value === 'auth') ?? false;

/**
 * Every type and field that needs a signed-in caller (`@auth` in a subgraph's SDL; the rest is
 * `@public`), as Hive's response cache names them: a response that selects one of them is
 * private, and with a global (null) session a private response is never cached. This is what our
 * gateway's cache does too: public answers only, shared by everyone.
 */
export function privateSchemaCoordinates(): Record<string, 'PRIVATE'> {
  const coordinates: Record<string, 'PRIVATE'> = {};
  for (const subgraph of SUBGRAPHS) {
    const sdl = readFileSync(`${REPO_ROOT}subgraphs/${subgraph}/src/schema.graphql`, 'utf8');
    for (const definition of parse(sdl).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION)
        continue;
      const type = definition.name.value;
      if (isAuth(definition.directives)) coordinates[type] = 'PRIVATE';
      for (const field of definition.fields ?? [])
        if (isAuth(field.directives)) coordinates[`${type}.${field.name.value}`] = 'PRIVATE';
    }
  }
  return coordinates;
}
