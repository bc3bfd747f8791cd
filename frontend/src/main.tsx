import React from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import './app/styles/start.css';
import './app/global.css';
import { Root } from './app/Root';

// The first render runs now, in the task that loaded the code, not in one the
// scheduler posts for later: the first screen's data is already here (see
// index.html), so the window can draw it at its next frame. The saved first
// screen index.html may have shown goes in this same task, so no frame is blank.
const container = document.getElementById('root')!;
container.replaceChildren();
container.removeAttribute('inert');
const root = createRoot(container);
flushSync(() =>
  root.render(
    <React.StrictMode>
      <Root />
    </React.StrictMode>,
  ),
);
