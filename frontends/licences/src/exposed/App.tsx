import type { RemoteAppProps } from '@bianmin/frontend-kit';
import { LicencesRoutes } from '../app/LicencesRoutes';
import { RemoteFrame } from '../app/RemoteFrame';
import { SignInGate } from '../app/SignInGate';

/**
 * `licences/App` — 我的证照, the resident's wallet. Everything here is personal: every page needs
 * sign-in. The shell mounts it at `/licences` (`licencesRemote` in shell/server/serve.ts).
 */
export default function LicencesApp(props: RemoteAppProps) {
  return (
    <RemoteFrame {...props} personal titleSuffixKey="app.titleSuffix" testId="licences-app">
      <SignInGate>
        <LicencesRoutes />
      </SignInGate>
    </RemoteFrame>
  );
}
