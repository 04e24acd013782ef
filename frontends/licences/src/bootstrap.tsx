// Standalone mount for working on the remote alone (`npm run dev -w @bianmin/licences-web`): the
// kit's standalone page gives the providers the shell would give us and a language / 长者模式 bar,
// plus a field for an access token (the wallet needs sign-in; the sign-in page lives in the
// shell). Both exposed modules run here: the wallet at `/`, the verify page at `/verify`.
import { useMemo, useState } from 'react';
import { Route, Routes } from 'react-router';
import { SIGNED_OUT_AUTH, type RemoteAuth } from '@bianmin/frontend-kit';
import { mountStandalone, StandalonePage } from '@bianmin/frontend-kit/standalone';
import LicencesApp from './exposed/App';
import LicencesVerify from './exposed/Verify';

declare const __STANDALONE_GATEWAY_URL__: string;

const TOKEN_KEY = 'bianmin.licences.standaloneToken';

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
  const controls = (
    <>
      <a href="/">我的证照</a> <a href="/verify">证照核验</a>{' '}
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
    </>
  );
  return (
    <StandalonePage name="@bianmin/licences-web" classPrefix="lic" controls={controls}>
      {({ locale, elderly }) => {
        const props = { locale, elderly, gatewayUrl: __STANDALONE_GATEWAY_URL__, auth };
        return (
          <Routes>
            <Route path="verify/*" element={<LicencesVerify basePath="/verify" {...props} />} />
            <Route path="*" element={<LicencesApp basePath="" {...props} />} />
          </Routes>
        );
      }}
    </StandalonePage>
  );
}

mountStandalone(<Standalone />);
