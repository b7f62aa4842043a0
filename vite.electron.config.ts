// Builds the Electron shell: electron/shell/main.ts → dist/electron/main.cjs and
// electron/shell/preload.ts → dist/electron/preload.cjs. They are two separate builds (two
// Vite environments, built by `vite build --config vite.electron.config.ts`): a sandboxed
// preload can require only `electron`, so it must be one self-contained file and cannot share
// chunks with main. A third build makes the disk worker thread's entry
// (electron/services/worker/disk-worker.ts → dist/electron/disk-worker.cjs), which main starts
// with node:worker_threads (Electron loads worker scripts from inside the asar). Main bundles the pure-JS dependencies (ESM-only ones such as
// electron-store included, so CommonJS output just works) and leaves electron, Node's
// built-ins and the packages below to be required at run time from the packaged node_modules:
// those are exactly package.json's "dependencies" (tests/unit/packaging/pack.test.ts checks).
import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const outDir = here('./dist/electron');

/**
 * Required at run time, never bundled: sharp loads native libvips files; electron-updater is
 * loaded lazily, only once the writer turns update checks on, and its fs-extra/graceful-fs
 * would otherwise run (and patch `fs`) at every start.
 */
const RUNTIME_EXTERNAL = ['electron', 'sharp', 'fsevents', 'electron-updater'];
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function isExternal(id: string): boolean {
  if (builtins.has(id)) return true;
  return RUNTIME_EXTERNAL.some((m) => id === m || id.startsWith(`${m}/`) || id.startsWith('@img/'));
}

function nodeBuild(entry: string, name: string, external: (id: string) => boolean): BuildEnvironmentOptions {
  return {
    outDir,
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: false,
    ssr: true,
    copyPublicDir: false,
    rollupOptions: {
      input: { [name]: entry },
      external,
      // dynamicImportInCjs off: a lazy `import('electron-updater')` becomes a plain require()
      // (Node's import() of that CommonJS package misses its getter-defined `autoUpdater`).
      output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true, exports: 'auto', dynamicImportInCjs: false },
    },
  };
}

export default defineConfig({
  publicDir: false,
  // `vite build` builds these three environments (and not the default client one).
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.main);
      await builder.build(builder.environments.preload);
      await builder.build(builder.environments.diskWorker);
    },
  },
  environments: {
    main: {
      consumer: 'server',
      resolve: { noExternal: true, conditions: ['node', 'import', 'default'] },
      build: nodeBuild(here('./electron/shell/main.ts'), 'main', isExternal),
    },
    diskWorker: {
      consumer: 'server',
      resolve: { noExternal: true, conditions: ['node', 'import', 'default'] },
      build: nodeBuild(here('./electron/services/worker/disk-worker.ts'), 'disk-worker', isExternal),
    },
    preload: {
      consumer: 'server',
      resolve: { noExternal: true },
      // Only electron may be required from a sandboxed preload.
      build: nodeBuild(here('./electron/shell/preload.ts'), 'preload', (id) => id === 'electron'),
    },
  },
});
