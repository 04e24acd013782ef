// The 办事 (affairs) remote: exposes one module, `./App`, typed by RemoteAppProps from frontends/kit.
// `npm run dev` also serves a standalone page (src/bootstrap.tsx) for working on the remote alone.
import { createRemoteWebpackConfig } from '@bianmin/frontend-kit/webpack';

export default createRemoteWebpackConfig({
  here: import.meta.dirname,
  name: 'affairs',
  app: './src/exposed/App.tsx',
  port: 3002,
  title: '我的办件 · 便民（独立开发模式）',
});
