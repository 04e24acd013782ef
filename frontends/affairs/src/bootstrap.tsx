// Standalone mount for working on the remote alone (`npm run dev -w @bianmin/affairs-web`): the
// kit's standalone page gives the providers the shell would give us and a language / 长者模式 bar;
// here it also has a field for an access token (e.g. from `npm run dev:token -- department-staff
// --department=MZ`), since every page here needs sign-in and the sign-in page lives in the shell.
import { useMemo, useState } from 'react';
import { SIGNED_OUT_AUTH, type RemoteAuth } from '@bianmin/frontend-kit';
import { mountStandalone, StandalonePage } from '@bianmin/frontend-kit/standalone';
import AffairsApp from './exposed/App';

declare const __STANDALONE_GATEWAY_URL__: string;

const TOKEN_KEY = 'bianmin.affairs.standaloneToken';

function Standalone() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const auth = useMemo<RemoteAuth>(
    () =>
      token
        ? {
            getAccessToken: () => Promise.resolve(token),
            signedIn: true,
            requireSignIn: SIGNED_OUT_AUTH.requireSignIn,
          }
        : SIGNED_OUT_AUTH,
    [token],
  );
  const tokenField = (
    <label>
      access token{' '}
      <input
        type="password"
        value={token}
        onChange={(e) => {
          const value = e.target.value.trim();
          sessionStorage.setItem(TOKEN_KEY, value);
          setToken(value);
        }}
      />
    </label>
  );
  return (
    <StandalonePage name="@bianmin/affairs-web" classPrefix="aff" controls={tokenField}>
      {({ locale, elderly }) => (
        <AffairsApp
          basePath=""
          locale={locale}
          elderly={elderly}
          gatewayUrl={__STANDALONE_GATEWAY_URL__}
          auth={auth}
        />
      )}
    </StandalonePage>
  );
}

mountStandalone(<Standalone />);
