// Builds the renderer (the React app) into dist/renderer. Relative asset paths (`base: './'`)
// let the same build load from Electron's custom protocol and from the web host. Nothing is
// fetched from the network: no remote fonts, scripts or images, and the CSP in index.html
// forbids them anyway.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { withCspMeta } from './shared/security/csp';

/** Writes the app's one content security policy (shared/security/csp.ts) into index.html. */
function cspMeta(): Plugin {
  return { name: 'postwright-csp-meta', transformIndexHtml: { order: 'pre', handler: withCspMeta } };
}

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Chromium of Electron 45 and Debian's Chromium are both recent: no legacy transforms.
    target: 'es2022',
    // Inline nothing as data: URLs for scripts; the CSP allows data: only for images.
    assetsInlineLimit: 0,
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
  },
  server: { host: '127.0.0.1' },
});
