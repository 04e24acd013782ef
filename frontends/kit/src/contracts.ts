import type { RemoteAuth } from './auth';

/** The locales every Bianmin front end supports; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The props the shell passes to a remote's exposed `./App`. This is the whole contract between the
 * shell and a micro-frontend: a remote must not reach into the shell for anything else.
 */
export interface RemoteAppProps {
  /** Where the remote is mounted, e.g. `/services`; the remote's routes are relative to it. */
  basePath: string;
  /** The resident's chosen language. */
  locale: Locale;
  /** Elderly-friendly mode: larger text, simpler single-column layout, bigger touch targets. */
  elderly: boolean;
  /** The GraphQL gateway, e.g. `http://localhost:4000/graphql`. */
  gatewayUrl: string;
  /**
   * The resident's session, owned by the shell: the access token for the gateway, whether someone
   * is signed in, and a way to send them to sign in. Optional so that a remote still runs
   * standalone or under an older shell; use `auth ?? SIGNED_OUT_AUTH`.
   */
  auth?: RemoteAuth;
}

/** One remote in the shell's runtime manifest. */
export interface RemoteManifestEntry {
  /** Module Federation container name, e.g. `services`. */
  name: string;
  /** URL of the remote's `remoteEntry.js`. */
  entry: string;
  /** Exposed module to render, e.g. `./App`. */
  module: string;
  /** Route prefix in the shell, e.g. `/services`. */
  basePath: string;
  /** Navigation label per locale. */
  title: Record<Locale, string>;
}

/** `GET /runtime-config.json`, served next to the shell so that URLs change without a rebuild. */
export interface RuntimeConfig {
  gatewayUrl: string;
  remotes: RemoteManifestEntry[];
}
