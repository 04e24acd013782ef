import { createRequire } from 'node:module';
import { defineConfig, mergeConfig, type UserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * What every backend workspace's vitest config shares. Node (and tsx) load graphql's CommonJS
 * build, as do the Apollo federation packages; Vite would pick the ESM build for our own files,
 * giving two graphql realms ("Cannot use GraphQLObjectType from another module").
 */
export function backendTestConfig(overrides: UserConfig = {}) {
  return mergeConfig(
    defineConfig({
      resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
      test: {
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: 'forks',
      },
    }),
    overrides,
  );
}
