// @ts-check
// Module Federation options shared by the shell and every remote. Plain JavaScript with JSDoc
// types so that `webpack.config.js` (ESM, run by Node without a TypeScript loader) can import it.

/**
 * @typedef {import('@module-federation/enhanced').moduleFederationPlugin.ModuleFederationPluginOptions} ModuleFederationPluginOptions
 * @typedef {import('@module-federation/enhanced').moduleFederationPlugin.SharedConfig} SharedConfig
 */

/**
 * @typedef {object} PackageJsonLike
 * @property {string} [name]
 * @property {Record<string, string>} [dependencies]
 * @property {Record<string, string>} [devDependencies]
 * @property {Record<string, string>} [peerDependencies]
 */

/**
 * @typedef {object} FederationOptions
 * @property {string} name Container name: `shell` for the host, the domain name for a remote (`services`).
 * @property {PackageJsonLike} packageJson The package.json of the workspace being built; every
 *   shared singleton's `requiredVersion` is read from it.
 * @property {Record<string, string>} [exposes] Exposed modules; a remote exposes exactly one, `./App`.
 * @property {string} [filename] Remote entry file name (default `remoteEntry.js`).
 */

/**
 * Modules that must exist once per page. Subpath imports are listed separately because a share key
 * only matches its exact request (`react` does not cover `react/jsx-runtime`).
 * Value: the package whose version applies.
 * @type {Readonly<Record<string, string>>}
 */
export const SHARED_SINGLETONS = Object.freeze({
  react: 'react',
  'react/jsx-runtime': 'react',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom',
  '@apollo/client': '@apollo/client',
  '@apollo/client/react': '@apollo/client',
  graphql: 'graphql',
  antd: 'antd',
  'react-router': 'react-router',
  i18next: 'i18next',
  'react-i18next': 'react-i18next',
  rxjs: 'rxjs',
});

/**
 * The `shared` section: every singleton the workspace depends on, with `requiredVersion` taken from
 * its package.json. A singleton the workspace does not depend on is left out (it never imports it).
 * @param {PackageJsonLike} packageJson
 * @returns {Record<string, SharedConfig>}
 */
export function sharedSingletons(packageJson) {
  const versions = {
    ...packageJson.peerDependencies,
    ...packageJson.devDependencies,
    ...packageJson.dependencies,
  };
  /** @type {Record<string, SharedConfig>} */
  const shared = {};
  for (const [request, pkg] of Object.entries(SHARED_SINGLETONS)) {
    const requiredVersion = versions[pkg];
    if (!requiredVersion) continue;
    shared[request] = { singleton: true, requiredVersion, packageName: pkg };
  }
  return shared;
}

/**
 * Options for `new ModuleFederationPlugin(...)` from `@module-federation/enhanced/webpack`.
 * Remotes are not listed at build time: the shell registers them at run time from its manifest.
 * @param {FederationOptions} options
 * @returns {ModuleFederationPluginOptions}
 */
export function createFederationOptions({ name, packageJson, exposes, filename = 'remoteEntry.js' }) {
  /** @type {ModuleFederationPluginOptions} */
  const options = {
    name,
    shared: sharedSingletons(packageJson),
    dts: false,
    manifest: false,
  };
  if (exposes && Object.keys(exposes).length > 0) {
    options.filename = filename;
    options.exposes = exposes;
    // mf-manifest.json lets tooling (and a future manifest-based loader) inspect the remote.
    options.manifest = true;
  }
  return options;
}
