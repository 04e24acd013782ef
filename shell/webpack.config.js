// The shell: a Module Federation host with no build-time remotes — it reads them from
// /runtime-config.json when it starts, so pointing at another remote needs no rebuild.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import { createFederationOptions } from '@bianmin/frontend-kit/federation';
import { cssRule, outputNames, swcMinimizer, swcRule } from '@bianmin/frontend-kit/webpack';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageJson = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));

/** What the dev server answers for /runtime-config.json (the production server builds the same). */
function devRuntimeConfig() {
  return {
    gatewayUrl: process.env.GATEWAY_URL ?? 'http://localhost:4000/graphql',
    remotes: [
      {
        name: 'services',
        entry: process.env.REMOTE_SERVICES_URL ?? 'http://localhost:3001/remoteEntry.js',
        module: './App',
        basePath: '/services',
        title: { 'zh-CN': '办事服务', en: 'Services' },
      },
    ],
  };
}

export default (_env, argv) => {
  const development = argv.mode !== 'production';
  return {
    mode: development ? 'development' : 'production',
    entry: { main: './src/index.ts' },
    context: here,
    devtool: development ? 'eval-cheap-module-source-map' : 'source-map',
    output: {
      path: path.join(here, 'dist'),
      // Absolute: deep links such as /services/items/GA-002 must still find the bundles.
      publicPath: '/',
      uniqueName: 'shell',
      clean: true,
      ...outputNames({ development }),
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
    module: { rules: [swcRule({ development }), cssRule()] },
    plugins: [
      new ModuleFederationPlugin(createFederationOptions({ name: 'shell', packageJson })),
      new HtmlWebpackPlugin({ template: './public/index.html', favicon: './public/favicon.svg' }),
    ],
    optimization: { minimizer: swcMinimizer() },
    performance: { hints: false },
    devServer: {
      port: Number(process.env.PORT ?? 3000),
      historyApiFallback: true,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
      setupMiddlewares(middlewares, devServer) {
        devServer.app.get('/runtime-config.json', (_req, res) => {
          res.setHeader('Cache-Control', 'no-cache');
          res.type('application/json; charset=utf-8').send(JSON.stringify(devRuntimeConfig()));
        });
        return middlewares;
      },
    },
  };
};
