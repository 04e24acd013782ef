import { existsSync, readFileSync } from 'node:fs';
import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { subgraphEnvName } from './env.js';

/** A subgraph as the gateway calls it. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Read the committed supergraph, with a hint when it has not been composed yet. */
export function readSupergraph(path: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `No supergraph at ${path}. Run \`npm run schema:compose\` first (or set SUPERGRAPH_PATH).`,
    );
  }
  return readFileSync(path, 'utf8');
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
}

/** The subgraphs named in a supergraph (`enum join__Graph { X @join__graph(name:, url:) }`), in order. */
export function subgraphsOf(supergraphSdl: string): SubgraphEndpoint[] {
  const document = parse(supergraphSdl);
  const graphs = document.definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (!graphs || graphs.kind !== Kind.ENUM_TYPE_DEFINITION) return [];
  return (graphs.values ?? []).flatMap((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    const name = directive && stringArgument(directive, 'name');
    return name ? [{ name, url: stringArgument(directive, 'url') ?? '' }] : [];
  });
}

/**
 * Apply `SUBGRAPH_<NAME>_URL` overrides to the supergraph's URLs. Returns the endpoints and the
 * overrides that name no subgraph (a typo worth a warning).
 */
export function resolveEndpoints(
  subgraphs: SubgraphEndpoint[],
  overrides: Record<string, string>,
): { endpoints: SubgraphEndpoint[]; unused: string[] } {
  const used = new Set<string>();
  const endpoints = subgraphs.map(({ name, url }) => {
    const key = subgraphEnvName(name);
    const override = overrides[key];
    if (override) used.add(key);
    return { name, url: override ?? url };
  });
  const unused = Object.keys(overrides)
    .filter((key) => !used.has(key))
    .map((key) => `SUBGRAPH_${key}_URL`);
  return { endpoints, unused };
}
