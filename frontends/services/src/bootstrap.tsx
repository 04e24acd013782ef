// Standalone mount for working on the remote alone (`npm run dev -w @bianmin/services`): the kit's
// standalone page gives the providers the shell would give us, and a language / 长者模式 bar.
import { mountStandalone, StandalonePage } from '@bianmin/frontend-kit/standalone';
import ServicesApp from './exposed/App';

declare const __STANDALONE_GATEWAY_URL__: string;

mountStandalone(
  <StandalonePage name="@bianmin/services" classPrefix="svc">
    {({ locale, elderly }) => (
      <ServicesApp basePath="" locale={locale} elderly={elderly} gatewayUrl={__STANDALONE_GATEWAY_URL__} />
    )}
  </StandalonePage>,
);
