import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteWebpackConfig } from './webpack.js';

const here = mkdtempSync(path.join(tmpdir(), 'remote-'));
writeFileSync(path.join(here, 'package.json'), JSON.stringify({ dependencies: { react: '19.3.1' } }));

const remote = createRemoteWebpackConfig({
  here,
  name: 'affairs',
  app: './src/exposed/App.tsx',
  port: 3002,
  title: '我的办件 · 便民（独立开发模式）',
});

const pluginNamed = (config: ReturnType<typeof remote>, name: string) =>
  config.plugins?.find((p) => p?.constructor.name === name) as unknown as {
    _options?: unknown;
    options?: unknown;
  };

describe('createRemoteWebpackConfig', () => {
  afterEach(() => {
    delete process.env['PORT'];
  });

  it('builds one exposed ./App under the remote’s name, loadable from another origin', () => {
    const config = remote(undefined, { mode: 'production' });
    expect(config.mode).toBe('production');
    expect(config.output).toMatchObject({
      uniqueName: 'affairs',
      publicPath: 'auto',
      path: path.join(here, 'dist'),
    });
    expect(config.output?.chunkFilename).toContain('[contenthash:8]');
    expect(pluginNamed(config, 'ModuleFederationPlugin')._options).toMatchObject({
      name: 'affairs',
      filename: 'remoteEntry.js',
      exposes: { './App': './src/exposed/App.tsx' },
      shared: { react: { singleton: true, requiredVersion: '19.3.1' } },
    });
    expect(pluginNamed(config, 'HtmlWebpackPlugin').options).toMatchObject({
      title: '我的办件 · 便民（独立开发模式）',
      chunks: ['main'],
      publicPath: '/',
    });
  });

  it('serves the standalone page on its port, which PORT overrides', () => {
    const config = remote(undefined, {}) as { mode?: string; devServer?: { port?: number } };
    expect(config.mode).toBe('development');
    expect(config.devServer?.port).toBe(3002);
    process.env['PORT'] = '3102';
    expect((remote(undefined, {}) as { devServer?: { port?: number } }).devServer?.port).toBe(3102);
  });
});
