// @ts-check
// The 我的证照 (licences) remote. Unlike the other remotes it exposes two modules: `./App` (the
// wallet, signed-in residents, at /licences) and `./Verify` (the public verification page the
// shell mounts at the stable path /verify, which QR codes link to). The kit's config exposes only
// `./App`, so its federation plugin is swapped for one with both; everything else is the kit's.
// `npm run dev` also serves a standalone page (src/bootstrap.tsx) for working on the remote alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import { createFederationOptions } from '@bianmin/frontend-kit/federation';
import { createRemoteWebpackConfig } from '@bianmin/frontend-kit/webpack';

const here = import.meta.dirname;
const name = 'licences';
const exposes = { './App': './src/exposed/App.tsx', './Verify': './src/exposed/Verify.tsx' };

const base = createRemoteWebpackConfig({
  here,
  name,
  app: exposes['./App'],
  port: 3003,
  title: '我的证照 · 便民（独立开发模式）',
});
const packageJson = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));

/** @type {typeof base} */
export default (env, argv) => {
  const config = base(env, argv);
  config.plugins = (config.plugins ?? []).map((plugin) =>
    plugin instanceof ModuleFederationPlugin
      ? new ModuleFederationPlugin(createFederationOptions({ name, packageJson, exposes }))
      : plugin,
  );
  return config;
};
