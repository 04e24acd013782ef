import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from './runtime-config';

const remote = {
  name: 'services',
  entry: 'http://localhost:3001/remoteEntry.js',
  module: './App',
  basePath: '/services/',
  title: { 'zh-CN': '办事服务', en: 'Services' },
};

describe('parseRuntimeConfig', () => {
  it('accepts a manifest and trims trailing slashes from base paths', () => {
    const config = parseRuntimeConfig({ gatewayUrl: 'http://gw/graphql', remotes: [remote] });
    expect(config.remotes[0]?.basePath).toBe('/services');
  });

  it('rejects a malformed manifest', () => {
    expect(() => parseRuntimeConfig({ remotes: [remote] })).toThrow(/gatewayUrl/);
    expect(() =>
      parseRuntimeConfig({ gatewayUrl: 'x', remotes: [{ ...remote, basePath: 'services' }] }),
    ).toThrow();
    expect(() =>
      parseRuntimeConfig({ gatewayUrl: 'x', remotes: [{ ...remote, title: { fr: 'x' } }] }),
    ).toThrow();
  });
});
