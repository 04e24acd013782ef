// The 办事 (affairs) remote: exposes one module, `./App`, typed by RemoteAppProps from frontends/kit.
// `npm run dev` also serves a standalone page (src/bootstrap.tsx) for working on the remote alone.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import { createFederationOptions } from '@bianmin/frontend-kit/federation';
import { cssRule, outputNames, swcMinimizer, swcRule } from '@bianmin/frontend-kit/webpack';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageJson = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));

export default (_env, argv) => {
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
      uniqueName: 'affairs',
      clean: true,
      ...outputNames({ development }),
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: { rules: [swcRule({ development }), cssRule()] },
    plugins: [
      new ModuleFederationPlugin(
        createFederationOptions({
          name: 'affairs',
          packageJson,
          exposes: { './App': './src/exposed/App.tsx' },
        }),
      ),
      // The standalone page; absolute so deep links (/applications/…) still find main.js.
      new HtmlWebpackPlugin({ template: './public/index.html', chunks: ['main'], publicPath: '/' }),
      new webpack.DefinePlugin({
        __STANDALONE_GATEWAY_URL__: JSON.stringify(
          process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql',
        ),
      }),
    ],
    optimization: { minimizer: swcMinimizer() },
    performance: { hints: false },
    devServer: {
      port: Number(process.env.PORT ?? 3002),
      historyApiFallback: true,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
