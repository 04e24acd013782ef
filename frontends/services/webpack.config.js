// The 一网通办 remote: exposes one module, `./App`, typed by RemoteAppProps from frontends/kit.
// `npm run dev` also serves a standalone page (src/bootstrap.tsx) for working on the remote alone.
import { createRemoteWebpackConfig } from '@bianmin/frontend-kit/webpack';

export default createRemoteWebpackConfig({
  here: import.meta.dirname,
  name: 'services',
  app: './src/exposed/App.tsx',
  port: 3001,
  title: '一网通办 · 便民（独立开发模式）',
});
