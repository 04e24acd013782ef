import { describe, expect, it } from 'vitest';
import { createFederationOptions, sharedSingletons } from './federation.js';

const packageJson = {
  dependencies: { react: '19.3.1', 'react-dom': '19.3.1', '@apollo/client': '4.3.8', graphql: '16.15.0' },
};

describe('sharedSingletons', () => {
  it('shares subpaths with the version of their package', () => {
    const shared = sharedSingletons(packageJson);
    expect(shared['react/jsx-runtime']).toEqual({
      singleton: true,
      requiredVersion: '19.3.1',
      packageName: 'react',
    });
    expect(shared['@apollo/client/react']?.requiredVersion).toBe('4.3.8');
  });

  it('leaves out singletons the workspace does not depend on', () => {
    expect(sharedSingletons(packageJson)['antd']).toBeUndefined();
  });
});

describe('createFederationOptions', () => {
  it('gives a remote a remoteEntry.js and its exposes, and never generates types', () => {
    const options = createFederationOptions({
      name: 'services',
      packageJson,
      exposes: { './App': './src/App.tsx' },
    });
    expect(options).toMatchObject({ name: 'services', filename: 'remoteEntry.js', dts: false });
    expect(options.exposes).toEqual({ './App': './src/App.tsx' });
  });

  it('gives the host no build-time remotes', () => {
    const options = createFederationOptions({ name: 'shell', packageJson });
    expect(options.remotes).toBeUndefined();
    expect(options.filename).toBeUndefined();
  });
});
