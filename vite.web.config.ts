// Builds the web host (electron/web/cli.ts) into dist/web/cli.mjs: plain ESM for Node, so
// `npm run web` and the tests start it with `node` instead of transpiling TypeScript at every
// start (tsx cost most of the start-up time). Like the Electron main build, it bundles our
// sources and the pure-JS packages (fewer files for Node to find and load at start) and leaves
// Node's built-ins and the native or file-loading packages (sharp, jsdom, isomorphic-git,
// chokidar) to load from node_modules at run time. Modules the host loads lazily with
// `import()` become chunks of their own, so they still load only when first used. The disk
// worker thread's entry (electron/services/worker/disk-worker.ts) is a second entry,
// dist/web/disk-worker.mjs, found at run time by electron/services/worker/worker-entry.ts.
import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Loaded from node_modules at run time, never bundled. */
const RUNTIME_EXTERNAL = ['sharp', 'jsdom', 'isomorphic-git', 'fsevents', 'electron', 'electron-updater'];

function isExternal(id: string): boolean {
  if (builtins.has(id)) return true;
  return RUNTIME_EXTERNAL.some((m) => id === m || id.startsWith(`${m}/`)) || id.startsWith('@img/');
}

export default defineConfig({
  root: here('.'),
  publicDir: false,
  resolve: { conditions: ['node', 'import', 'default'] },
  ssr: { noExternal: true, target: 'node' },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    target: 'node20',
    ssr: true,
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    rollupOptions: {
      input: { cli: here('./electron/web/cli.ts'), 'disk-worker': here('./electron/services/worker/disk-worker.ts') },
      external: isExternal,
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
});
