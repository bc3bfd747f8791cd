import React from 'react';
import { createRoot } from 'react-dom/client';
import './app/styles/start.css';
import './app/global.css';
import { Root } from './app/Root';

createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <Root />
  </React.StrictMode>,
);
