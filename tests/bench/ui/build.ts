// Builds what the UI bench serves: the renderer (reused from dist/renderer when it is newer
// than every source file, else built into the bench's scratch folder so a teammate's dist is
// never overwritten mid-test) and the peer page (plain Milkdown) built by Vite.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The folder of a built renderer that matches the sources now on disk. */
export async function rendererDist(repoRoot: string, scratch: string, log: (m: string) => void): Promise<string> {
  const dist = join(repoRoot, 'dist', 'renderer');
  const index = join(dist, 'index.html');
  const sources = Math.max(newestMtime(join(repoRoot, 'renderer')), newestMtime(join(repoRoot, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return dist;
  const outDir = join(scratch, 'renderer-dist');
  log(`dist/renderer is older than the sources: building the renderer into ${outDir}`);
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
