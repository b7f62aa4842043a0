// Builds what the UI bench serves: the renderer, from the sources now on disk, into the bench's
// scratch folder (never dist/renderer: a teammate's rebuild there mid-run would delete the
// lazily loaded chunks the page still asks for), and the peer page (plain Milkdown), by Vite.
import { join } from 'node:path';
import { build } from 'vite';

/** Builds the renderer into `<scratch>/renderer-dist` and returns that folder. */
export async function rendererDist(repoRoot: string, scratch: string, log: (m: string) => void): Promise<string> {
  const outDir = join(scratch, 'renderer-dist');
  log(`building the renderer into ${outDir}`);
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

/** Builds tests/bench/ui/peer into `outDir`. */
export async function buildPeer(peerDir: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: peerDir,
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4096 },
  });
}
