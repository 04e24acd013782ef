import { init, loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import type { RemoteAppProps, RemoteManifestEntry } from '@bianmin/frontend-kit';
import type { ComponentType } from 'react';

/** Entry URL each remote is registered with, so a changed manifest re-registers it. */
const registered = new Map<string, string>();
let initialized = false;

/**
 * Register the manifest's remotes with the Module Federation runtime the build created for the
 * shell (`init` with the same name joins that instance and its shared singletons).
 */
export function registerManifestRemotes(remotes: RemoteManifestEntry[]): void {
  if (!initialized) {
    init({ name: 'shell', remotes: [] });
    initialized = true;
  }
  for (const remote of remotes) {
    const known = registered.get(remote.name);
    if (known === remote.entry) continue;
    registerRemotes([{ name: remote.name, entry: remote.entry }], { force: known !== undefined });
    registered.set(remote.name, remote.entry);
  }
}

export type RemoteApp = ComponentType<RemoteAppProps>;

/**
 * Load a remote's exposed module. `fresh` drops what the runtime remembers about the remote first,
 * so a retry after a failed or broken load really fetches `remoteEntry.js` again.
 */
export async function loadRemoteApp(
  remote: RemoteManifestEntry,
  fresh: boolean,
): Promise<{ default: RemoteApp }> {
  if (fresh) {
    registerRemotes([{ name: remote.name, entry: remote.entry }], { force: true });
    registered.set(remote.name, remote.entry);
  }
  const id = `${remote.name}/${remote.module.replace(/^\.\//, '')}`;
  const module = await loadRemote<{ default?: unknown }>(id);
  const App = module?.default;
  if (typeof App !== 'function' && (typeof App !== 'object' || App === null)) {
    throw new Error(`Remote ${id} has no default export`);
  }
  return { default: App as RemoteApp };
}
