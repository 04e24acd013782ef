import { useCallback, useEffect, useState } from 'react';
import type { RuntimeConfig } from '@bianmin/frontend-kit';
import { registerManifestRemotes } from '../remotes/federation-runtime';
import { fetchRuntimeConfig } from './runtime-config';

export type RuntimeConfigState =
  { status: 'loading' } | { status: 'ready'; config: RuntimeConfig } | { status: 'error' };

export function useRuntimeConfig(): [RuntimeConfigState, () => void] {
  const [state, setState] = useState<RuntimeConfigState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchRuntimeConfig(controller.signal).then(
      (config) => {
        registerManifestRemotes(config.remotes);
        setState({ status: 'ready', config });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('Could not load /runtime-config.json', error);
        setState({ status: 'error' });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return [state, retry];
}
