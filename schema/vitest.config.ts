import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // Node (and tsx) load graphql's CommonJS build, as do the Apollo federation packages; Vite would
  // pick the ESM build for our files, giving two graphql realms ("Cannot use … from another module").
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['test/**/*.test.ts'],
  },
});
