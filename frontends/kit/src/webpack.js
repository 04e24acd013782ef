// @ts-check
// Build pieces every Bianmin front end uses the same way (shell and remotes), so a reader who knows
// one webpack.config.js knows them all. Plain JavaScript: webpack configs import it without a loader.
import { createRequire } from 'node:module';

/** @typedef {import('webpack').RuleSetRule} RuleSetRule */
/** @typedef {import('webpack').WebpackPluginInstance} WebpackPluginInstance */

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
