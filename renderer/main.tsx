// Entry point of the renderer: mounts the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';
import './editor/editor.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// An error a region's boundary caught is kept and logged by the boundary itself
// (app/RegionBoundary.tsx, to the app's log file); React's own report would only repeat it in
// the console. Errors no boundary caught keep React's default (they reach window.onerror).
createRoot(root, { onCaughtError: () => {} }).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
