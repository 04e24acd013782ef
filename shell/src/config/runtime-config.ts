import { isLocale, type RemoteManifestEntry, type RuntimeConfig } from '@bianmin/frontend-kit';

function isRemote(value: unknown): value is RemoteManifestEntry {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  const title = r['title'] as Record<string, unknown> | undefined;
  return (
    typeof r['name'] === 'string' &&
    typeof r['entry'] === 'string' &&
    typeof r['module'] === 'string' &&
    typeof r['basePath'] === 'string' &&
    r['basePath'].startsWith('/') &&
    !!title &&
    Object.keys(title).every((k) => isLocale(k) && typeof title[k] === 'string')
  );
}

/** Parse `/runtime-config.json`; a malformed manifest is an error, not a half-working page. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  if (!value || typeof value !== 'object') throw new Error('runtime config is not an object');
  const v = value as Record<string, unknown>;
  if (typeof v['gatewayUrl'] !== 'string') throw new Error('runtime config: gatewayUrl missing');
  if (!Array.isArray(v['remotes']) || !v['remotes'].every(isRemote)) {
    throw new Error('runtime config: remotes malformed');
  }
  const remotes = v['remotes'].map((r) => ({ ...r, basePath: r.basePath.replace(/\/+$/, '') || '/' }));
  return { gatewayUrl: v['gatewayUrl'], remotes };
}

/** The manifest is served next to the shell, so the same build runs against any environment. */
export async function fetchRuntimeConfig(signal?: AbortSignal): Promise<RuntimeConfig> {
  const response = await fetch('/runtime-config.json', { cache: 'no-cache', signal: signal ?? null });
  if (!response.ok) throw new Error(`runtime config: HTTP ${response.status}`);
  return parseRuntimeConfig(await response.json());
}
