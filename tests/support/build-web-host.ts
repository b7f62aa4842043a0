// Builds the web host (vite.web.config.ts) from the sources now on disk into a private folder,
// for tests and the bench: never into dist/web, where a teammate's rebuild mid-run would delete
// the chunks a running host loads on first use.
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** Builds into `<outDir>/host` and returns the path of its cli.mjs (for `node`). */
export async function buildWebHost(repoRoot: string, outDir: string): Promise<string> {
  const hostDir = join(outDir, 'host');
  await build({
    configFile: join(repoRoot, 'vite.web.config.ts'),
    logLevel: 'error',
    build: { outDir: hostDir, emptyOutDir: true, sourcemap: false },
  });
  // The bundle imports its packages by name, and Node looks for them in node_modules folders
  // from the file's own folder upwards: point one next to it at the repository's.
  const modules = join(outDir, 'node_modules');
  if (!existsSync(modules)) symlinkSync(join(repoRoot, 'node_modules'), modules, process.platform === 'win32' ? 'junction' : 'dir');
  return join(hostDir, 'cli.mjs');
}
