// @ts-check
// Build pieces every Bianmin front end uses the same way (shell and remotes), so a reader who knows
// one webpack.config.js knows them all. Plain JavaScript: webpack configs import it without a loader.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { createFederationOptions } from './federation.js';

/** @typedef {import('webpack').RuleSetRule} RuleSetRule */
/** @typedef {import('webpack').WebpackPluginInstance} WebpackPluginInstance */
/** @typedef {import('webpack').Configuration} Configuration */

/**
 * TypeScript/TSX through swc (type checking is `tsc --noEmit`'s job, not the bundler's).
 * @param {{ development: boolean }} options
 * @returns {RuleSetRule}
 */
export function swcRule({ development }) {
  return {
    test: /\.[cm]?[jt]sx?$/,
    exclude: /node_modules/,
    use: {
      loader: 'swc-loader',
      options: {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2022',
          transform: { react: { runtime: 'automatic', development } },
        },
      },
    },
  };
}

/**
 * Plain CSS injected with style-loader: remotes carry their styles with them.
 * @returns {RuleSetRule}
 */
export function cssRule() {
  return { test: /\.css$/, use: ['style-loader', 'css-loader'] };
}

/**
 * The swc minifier through the minimizer plugin that ships with webpack (≈2.5× faster than terser
 * here). Returns an empty list when that plugin cannot be found, and webpack's default applies.
 * @returns {WebpackPluginInstance[]}
 */
export function swcMinimizer() {
  try {
    const require = createRequire(import.meta.url);
    const fromWebpack = createRequire(require.resolve('webpack'));
    const MinimizerPlugin = fromWebpack('minimizer-webpack-plugin');
    if (typeof MinimizerPlugin?.swcMinify !== 'function') return [];
    return [
      new MinimizerPlugin({
        minify: { implementation: MinimizerPlugin.swcMinify, options: { compress: true, mangle: true } },
      }),
    ];
  } catch {
    return [];
  }
}

/**
 * Output file names. Async chunks (nearly all the code) carry a content hash in production, so the
 * static server can cache them for a year. Entry chunks keep a stable name: the federation runtime
 * is generated into them before their hash exists, and they are tiny and revalidated (ETag).
 * @param {{ development: boolean }} options
 */
export function outputNames({ development }) {
  return development
    ? { filename: '[name].js', chunkFilename: '[name].js' }
    : { filename: '[name].js', chunkFilename: '[name].[contenthash:8].js' };
}

/**
 * @typedef {object} RemoteWebpackOptions
 * @property {string} here The remote's folder (`import.meta.dirname` of its webpack.config.js);
 *   its package.json gives the shared singletons' versions.
 * @property {string} name Container name and `output.uniqueName`, e.g. `services`.
 * @property {string} app The module exposed as `./App`, e.g. `./src/exposed/App.tsx`: a remote
 *   exposes exactly one, whose default export takes `RemoteAppProps`.
 * @property {number} port The dev server's port (`PORT` overrides it).
 * @property {string} title The standalone page's `<title>`.
 */

/**
 * The whole webpack configuration of a remote, as `webpack.config.js` exports it. Entry
 * `src/index.ts` (the async boundary before `bootstrap.tsx`), `remoteEntry.js` with the shared
 * singletons, and a standalone page for working on the remote alone (`GATEWAY_URL`, default
 * `http://localhost:4000/graphql`, becomes `__STANDALONE_GATEWAY_URL__`).
 * @param {RemoteWebpackOptions} options
 * @returns {(env: unknown, argv: { mode?: string }) => Configuration}
 */
export function createRemoteWebpackConfig({ here, name, app, port, title }) {
  const packageJson = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
  return (_env, argv) => {
    const development = argv.mode !== 'production';
    return {
      mode: development ? 'development' : 'production',
      entry: { main: './src/index.ts' },
      context: here,
      devtool: development ? 'eval-cheap-module-source-map' : 'source-map',
      output: {
        path: path.join(here, 'dist'),
        // The shell loads us from another origin: chunk URLs are resolved from remoteEntry.js.
        publicPath: 'auto',
        uniqueName: name,
        clean: true,
        ...outputNames({ development }),
      },
      resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
      module: { rules: [swcRule({ development }), cssRule()] },
      plugins: [
        new ModuleFederationPlugin(createFederationOptions({ name, packageJson, exposes: { './App': app } })),
        // The standalone page; absolute so that deep links (/items/GA-002) still find main.js.
        new HtmlWebpackPlugin({
          template: fileURLToPath(new URL('./standalone.html', import.meta.url)),
          title,
          chunks: ['main'],
          publicPath: '/',
        }),
        new webpack.DefinePlugin({
          __STANDALONE_GATEWAY_URL__: JSON.stringify(
            process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql',
          ),
        }),
      ],
      optimization: { minimizer: swcMinimizer() },
      performance: { hints: false },
      devServer: {
        port: Number(process.env.PORT ?? port),
        historyApiFallback: true,
        hot: false,
        headers: { 'Access-Control-Allow-Origin': '*' },
        client: { overlay: { errors: true, warnings: false } },
      },
    };
  };
}
