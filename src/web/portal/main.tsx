import '@digigov/css/dist/digigov.css';
import '../styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalI18nProvider } from '../i18n/portal/index.js';
import { App } from './App.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <PortalI18nProvider>
      <App />
    </PortalI18nProvider>
  </StrictMode>,
);
