import '@digigov/css/dist/digigov.css';
import '../styles.css';
import './cases/cases.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StaffI18nProvider } from '../i18n/staff/index.js';
import { App } from './App.js';

const container = document.getElementById('root');
if (!container) throw new Error('app/index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <StaffI18nProvider>
      <App />
    </StaffI18nProvider>
  </StrictMode>,
);
