import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createShellI18n } from './i18n/i18n';
import { applyToDocument, readPreferences } from './preferences/preferences';
import './styles.css';

const preferences = readPreferences();
// Before the first render, so large text and the right language show without a flash.
applyToDocument(preferences);
const i18n = createShellI18n(preferences.locale);

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App i18n={i18n} preferences={preferences} />
  </StrictMode>,
);
